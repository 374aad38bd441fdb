/** An IP address as bytes: 4 for IPv4, 16 for IPv6. Made by `parseIp`, written by `formatIp`. */
export interface ParsedIp {
  version: 4 | 6;
  bytes: Uint8Array;
}
