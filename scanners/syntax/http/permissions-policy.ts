/**
 * Browser features a cookie-free, tracker-free site never needs, denied to the page and its frames. Only features
 * current Chromium knows: it logs a console warning on every page for each unknown one, so the retired Privacy Sandbox
 * ad APIs (attribution-reporting, join-ad-interest-group, private-aggregation, run-ad-auction, shared-storage,
 * shared-storage-select-url), which Chromium 153 no longer knows, are not listed.
 */
export const deniedFeatures: readonly string[] = [
  'accelerometer',
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
  'local-fonts',
  'magnetometer',
  'microphone',
  'midi',
  'otp-credentials',
  'payment',
  'private-state-token-issuance',
  'private-state-token-redemption',
  'publickey-credentials-get',
  'serial',
  'storage-access',
  'usb',
  'window-management',
  'xr-spatial-tracking',
];

const unrecognized = /Unrecognized feature: '([^']+)'/;

/**
 * The feature Chromium's "Error with Permissions-Policy header: Unrecognized feature: 'x'." names, when it is one the
 * gate itself denies: browsers visitors use know it, and only a build without it calls it unknown.
 */
export function isBuildWithoutDeniedFeature(message: string): boolean {
  const feature = unrecognized.exec(message)?.[1];
  return feature !== undefined && deniedFeatures.includes(feature);
}
