/** IPv4 functions: ipv4_is_in_range, ipv4_is_private. Text that is not an IPv4 address gives null. */
import { toStringValue } from '../values/convert';
import { expectArity, FunctionImpl, pure } from './function-library';

/** The address as an unsigned 32-bit number, or null. */
export function parseIpv4(text: string): number | null {
  const parts = text.trim().split('.');
  if (parts.length !== 4) return null;
  let value = 0;
  for (const part of parts) {
    if (!/^\d{1,3}$/.test(part)) return null;
    const octet = Number(part);
    if (octet > 255) return null;
    value = value * 256 + octet;
  }
  return value;
}

/** `10.0.0.0/8` (or a bare address, a /32) as its first address and prefix length; null when malformed. */
export function parseIpv4Range(text: string): { base: number; prefix: number } | null {
  const [address, prefixText, extra] = text.trim().split('/');
  if (extra !== undefined) return null;
  const base = parseIpv4(address);
  const prefix = prefixText === undefined ? 32 : /^\d{1,2}$/.test(prefixText) ? Number(prefixText) : NaN;
  if (base === null || !(prefix >= 0 && prefix <= 32)) return null;
  return { base, prefix };
}

export function ipv4InRange(address: number, range: { base: number; prefix: number }): boolean {
  if (range.prefix === 0) return true;
  const size = 2 ** (32 - range.prefix);
  return Math.floor(address / size) === Math.floor(range.base / size);
}

const PRIVATE_RANGES = ['10.0.0.0/8', '172.16.0.0/12', '192.168.0.0/16'].map((r) => parseIpv4Range(r)!);

export const IP_FUNCTIONS: Readonly<Record<string, FunctionImpl>> = {
  ipv4_is_in_range: (call) => {
    expectArity(call, 2);
    const [ipType, rangeType] = [call.args[0].type, call.args[1].type];
    return pure(call, (ip, range) => {
      const address = parseIpv4(toStringValue(ip, ipType));
      const parsedRange = parseIpv4Range(toStringValue(range, rangeType));
      return address === null || parsedRange === null ? null : ipv4InRange(address, parsedRange);
    }, 'bool');
  },
  ipv4_is_private: (call) => {
    expectArity(call, 1);
    const type = call.args[0].type;
    return pure(call, (ip) => {
      const text = toStringValue(ip, type);
      const address = parseIpv4(text.split('/')[0]);
      return address === null ? null : PRIVATE_RANGES.some((range) => ipv4InRange(address, range));
    }, 'bool');
  },
};
