import { useEffect, useState } from 'preact/hooks';

/** Loads a value from the server on mount, with the loading flag and error message a card shows. */
export function useRemote<T>(load: () => Promise<T>) {
  const [value, setValue] = useState<T | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);

  async function refresh() {
    setLoading(true);
    setError(null);
    try {
      setValue(await load());
    } catch (failure) {
      setError((failure as Error).message);
    } finally {
      setLoading(false);
    }
  }

  useEffect(() => void refresh(), []);
  return { value, error, loading, refresh };
}
