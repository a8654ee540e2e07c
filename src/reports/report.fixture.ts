/** A report from Bossangoa with a named witness and a source reachable by phone. */
export const witnessedKilling = (o: Record<string, unknown> = {}) => ({
  dateStart: '2015-10-07',
  country: 'CAF',
  admin1: 'Ouham',
  location: 'Bossangoa',
  latitude: 6.49,
  longitude: 17.45,
  acts: ['killing', 'destruction-of-property'],
  description: 'Armed men entered the market at dawn and fired on people; stalls were burnt.',
  victims: [{ kind: 'group', count: 7, description: 'traders at the market' }],
  perpetrators: [{ actor: 'Anti-balaka', description: 'about twenty armed men', involvement: 'direct' }],
  fatalities: 7,
  sources: [
    {
      kind: 'witness',
      reliability: 'B',
      credibility: 2,
      identity: { name: 'Zakaria Ndoumbé-Kossi', contact: '+236 72 19 48 03' },
    },
  ],
  confidential: {
    victims: [{ name: 'Hawa Yakité-Bangui' }],
    witnesses: [{ name: 'Zakaria Ndoumbé-Kossi', contact: '+236 72 19 48 03' }],
  },
  ...o,
});
