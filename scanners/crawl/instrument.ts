/** What a frame's cookie and storage APIs were used for, by API; the value is evidence for the report. */
export type StorageUse = Partial<
  Record<
    | 'document.cookie'
    | 'cookieStore'
    | 'localStorage'
    | 'sessionStorage'
    | 'indexedDB'
    | 'caches'
    | 'serviceWorker'
    | 'fileSystem',
    string
  >
>;

/** The window property (a registered symbol, invisible to page code that enumerates) holding the snapshot function. */
export const snapshotKey = 'nospy.storage';

/**
 * Runs in every frame before the page's own scripts (Playwright serialises it, so it must be
 * self-contained): wraps the cookie and storage getters and service worker registration to note each
 * use, and leaves a snapshot function that also reports what was stored, read through the original getters.
 */
export function recordStorageUse(key: string): void {
  const used: Record<string, string> = {};
  const originals: Record<string, () => unknown> = {};
  const watch = (target: object, property: string, api: string) => {
    const descriptor = Object.getOwnPropertyDescriptor(target, property);
    if (!descriptor?.get || !descriptor.configurable) return;
    const { get, set } = descriptor;
    originals[api] = get;
    Object.defineProperty(target, property, {
      ...descriptor,
      get() {
        used[api] = `page script used ${api}`;
        return get.call(this);
      },
      set:
        set &&
        function (this: unknown, value: unknown) {
          used[api] = `page script used ${api}`;
          set.call(this, value);
        },
    });
  };
  watch(Document.prototype, 'cookie', 'document.cookie');
  for (const api of ['localStorage', 'sessionStorage', 'indexedDB', 'cookieStore', 'caches']) {
    watch(Object.hasOwn(window, api) ? window : Window.prototype, api, api);
  }
  // Registering is the use; merely reading navigator.serviceWorker is feature detection. The crawl's context
  // blocks workers (Playwright's script, which runs before this one, makes register a no-op): the call is
  // noted and nothing is installed. Absent outside secure contexts.
  const container = globalThis.ServiceWorkerContainer?.prototype;
  const register = container?.register;
  if (container && register) {
    container.register = function (
      this: ServiceWorkerContainer,
      ...args: Parameters<ServiceWorkerContainer['register']>
    ) {
      used.serviceWorker = `page script registered a service worker: ${String(args[0])}`;
      return register.apply(this, args);
    };
  }
  // Opening a file system is the use: its files stay on disk. persist() and estimate() store nothing.
  const storageManager = globalThis.StorageManager?.prototype;
  const getDirectory = storageManager?.getDirectory;
  if (storageManager && getDirectory) {
    storageManager.getDirectory = function (this: StorageManager) {
      used.fileSystem = 'page script opened the origin private file system';
      return getDirectory.call(this);
    };
  }
  const legacyWindow = window as unknown as Record<string, unknown>;
  for (const name of ['webkitRequestFileSystem', 'requestFileSystem']) {
    const requestFileSystem = legacyWindow[name];
    if (typeof requestFileSystem !== 'function') continue;
    legacyWindow[name] = function (this: unknown, ...args: unknown[]) {
      used.fileSystem = `page script called ${name}`;
      return requestFileSystem.apply(this, args);
    };
  }
  const snapshot = async () => {
    const found = { ...used };
    for (const api of ['localStorage', 'sessionStorage']) {
      try {
        const storage = originals[api]?.call(window) as Storage | undefined;
        if (storage && storage.length > 0) {
          found[api] = `${api} keys: ${Array.from({ length: storage.length }, (_, i) => storage.key(i)).join(', ')}`;
        }
      } catch {
        // Opaque origins (sandboxed frames, error pages) have no storage to read.
      }
    }
    try {
      const databases = await (originals.indexedDB?.call(window) as IDBFactory | undefined)?.databases();
      if (databases && databases.length > 0)
        found.indexedDB = `IndexedDB databases: ${databases.map((db) => db.name).join(', ')}`;
    } catch {
      // As above.
    }
    return found;
  };
  Object.defineProperty(window, Symbol.for(key), { value: snapshot });
}

/** A CSP violation as the `securitypolicyviolation` event reports it. */
export interface CspViolation {
  directive: string;
  blocked: string;
}

/** The window property (a registered symbol) holding the CSP violations a frame saw. */
export const violationsKey = 'nospy.csp-violations';

/**
 * Runs in every frame before the page's own scripts: notes each CSP violation the policy enforced (a report-only
 * policy blocks nothing), listening first so a page script cannot hide one.
 */
export function recordCspViolations(key: string): void {
  const violations: CspViolation[] = [];
  Object.defineProperty(window, Symbol.for(key), { value: violations });
  document.addEventListener(
    'securitypolicyviolation',
    (event) => {
      if (event.disposition === 'enforce')
        violations.push({ directive: event.effectiveDirective, blocked: event.blockedURI });
    },
    true,
  );
}
