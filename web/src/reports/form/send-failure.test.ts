import { describe, expect, it } from 'vitest';
import { ApiError } from '../../api.js';
import { sendFailure } from './send-failure.js';

describe('sendFailure', () => {
  it('tells a lost connection (or a gateway that lost the server) from a refusal', () => {
    expect(sendFailure(new ApiError(0, 'network', 'The server could not be reached'), false)).toEqual({ kind: 'offline' });
    expect(sendFailure(new ApiError(504, 'http_error', 'HTTP 504'), true)).toEqual({ kind: 'offline' });
    const noKeys = new ApiError(503, 'unavailable', 'this server has no data directory for its keys');
    expect(sendFailure(noKeys, false)).toEqual({ kind: 'refused', message: noKeys.message });
  });

  it('says an intake link is unknown, or used or expired, only for a link', () => {
    expect(sendFailure(new ApiError(404, 'not_found', 'unknown link'), true)).toEqual({ kind: 'link-unknown' });
    expect(sendFailure(new ApiError(409, 'conflict', 'this link was already used'), true)).toEqual({ kind: 'link-spent' });
    expect(sendFailure(new ApiError(409, 'conflict', 'x'), false)).toEqual({ kind: 'refused', message: 'x' });
  });

  it('passes on the server’s own words when it refuses the report', () => {
    const refused = new ApiError(400, 'invalid_input', 'report: sources.0.credibility: must be 1-6');
    expect(sendFailure(refused, true)).toEqual({ kind: 'refused', message: 'report: sources.0.credibility: must be 1-6' });
  });
});
