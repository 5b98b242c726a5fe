import { matchesHostPattern } from '../../config/hosts.ts';

// Special-use names (RFC 6761 localhost, RFC 6762 .local, RFC 8375 home.arpa, ICANN's private-use .internal):
// they resolve, if at all, on the visitor's own device or network.
const localHostPatterns = ['*.localhost', '*.local', '*.internal', 'home.arpa', '*.home.arpa'];
// `.invalid` (RFC 6761) can never resolve. The other names reserved for documentation (example.com, `.test`,
// `.example`) are left out: they resolve or may, and tests and demos stand third parties on them, whose
// mentioned URLs must stay reported.
const placeholderHostPatterns = ['*.invalid'];

const IPV4 = /^(\d+)\.(\d+)\.\d+\.\d+$/;

/**
 * Is `host` on the visitor's own device or network: a name without a dot (`localhost`, `http://n`, an intranet
 * name), a special-use local name (`*.localhost`, `*.local`), a loopback, private or link-local IP address?
 */
export function isLocalHost(host: string): boolean {
  const name = host.endsWith('.') ? host.slice(0, -1) : host;
  if (name.startsWith('[')) return /^\[(?:::1?|f[cd][0-9a-f]{2}:.*|fe[89ab][0-9a-f]:.*)\]$/i.test(name);
  if (name === '') return false;
  if (!name.includes('.')) return true;
  const ipv4 = IPV4.exec(name);
  if (ipv4) {
    const [first, second] = [Number(ipv4[1]), Number(ipv4[2])];
    return (
      first === 0 ||
      first === 10 ||
      first === 127 ||
      (first === 169 && second === 254) ||
      (first === 172 && second >= 16 && second <= 31) ||
      (first === 192 && second === 168)
    );
  }
  return localHostPatterns.some((pattern) => matchesHostPattern(name, pattern));
}

/**
 * Is `host` no one's: on the visitor's side (`isLocalHost`) or a name that can never resolve (`*.invalid`)?
 * A script's URL literal on such a host is a dummy base (`new URL(path, 'http://n')`), a feature test or a
 * placeholder, never a third party learning about the visitor.
 */
export function isNoOnesHost(host: string): boolean {
  const name = host.endsWith('.') ? host.slice(0, -1) : host;
  return isLocalHost(name) || placeholderHostPatterns.some((pattern) => matchesHostPattern(name, pattern));
}
