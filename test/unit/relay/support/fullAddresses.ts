/**
 * Client addresses a store test sends beacons from, and the pieces of them that must appear in
 * no byte the store wrote: the host part of each (what truncation removes), so a store that
 * kept the full address, or only its tail, fails.
 */
export const CLIENT_ADDRESSES = [
  '192.0.2.123',
  '2001:db8:85a3:8d3:1319:8a2e:370:7348',
  '::ffff:198.51.100.250',
];

export const FULL_ADDRESS_FRAGMENTS = [
  '192.0.2.123',
  '2.123',
  '1319:8a2e',
  '8d3:1319',
  '198.51.100.250',
  '100.250',
];
