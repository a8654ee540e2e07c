import { z } from '@hono/zod-openapi';
import { GROUP_KINDS } from './protected-group.js';

/** A protected group as the API presents it. */
export const GroupBody = z
  .object({
    id: z.number().int(),
    country: z.string().openapi({ example: 'CAF' }),
    name: z.string().openapi({ example: 'Muslim civilians' }),
    kind: z.enum(GROUP_KINDS),
    areas: z.array(z.string()).openapi({ example: ['Ouham', 'Ouham-Pendé'] }),
    notes: z.string(),
    createdBy: z.string().nullable(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi('ProtectedGroup');

export const GroupListBody = z.array(GroupBody).openapi('ProtectedGroups');
