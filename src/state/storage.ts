// localStorage when the browser allows it; otherwise (storage disabled, some private modes, where even
// reading `window.localStorage` throws) an in-memory stand-in, so the page works and merely forgets.

export function browserStorage(): Storage {
  try {
    const storage = window.localStorage;
    storage.getItem("whaleweight:probe");
    return storage;
  } catch {
    return memoryStorage();
  }
}

/** Also the tests' storage. */
export function memoryStorage(): Storage {
  const data = new Map<string, string>();
  return {
    get length() {
      return data.size;
    },
    clear: () => data.clear(),
    getItem: (key) => data.get(key) ?? null,
    key: (index) => [...data.keys()][index] ?? null,
    removeItem: (key) => void data.delete(key),
    setItem: (key, value) => void data.set(key, String(value)),
  };
}
