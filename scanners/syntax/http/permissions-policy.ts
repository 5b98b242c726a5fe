/**
 * Browser features a cookie-free, tracker-free site never needs, Chrome's ad APIs included; denied to the page and its
 * frames.
 */
export const deniedFeatures: readonly string[] = [
  'accelerometer',
  'attribution-reporting',
  'browsing-topics',
  'camera',
  'compute-pressure',
  'display-capture',
  'geolocation',
  'gyroscope',
  'hid',
  'identity-credentials-get',
  'idle-detection',
  'interest-cohort',
  'join-ad-interest-group',
  'local-fonts',
  'magnetometer',
  'microphone',
  'midi',
  'otp-credentials',
  'payment',
  'private-aggregation',
  'private-state-token-issuance',
  'private-state-token-redemption',
  'publickey-credentials-get',
  'run-ad-auction',
  'serial',
  'shared-storage',
  'shared-storage-select-url',
  'storage-access',
  'usb',
  'window-management',
  'xr-spatial-tracking',
];

const unrecognized = /Unrecognized feature: '([^']+)'/;

/**
 * The feature Chromium's "Error with Permissions-Policy header: Unrecognized feature: 'x'." names, when it is one the
 * gate itself denies: browsers visitors use know it, and only a build without it (Chromium's headless shell lacks
 * the Privacy Sandbox ad APIs) calls it unknown.
 */
export function isBuildWithoutDeniedFeature(message: string): boolean {
  const feature = unrecognized.exec(message)?.[1];
  return feature !== undefined && deniedFeatures.includes(feature);
}
