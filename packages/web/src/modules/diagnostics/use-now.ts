import { useEffect, useState } from 'react';

/** The current time in ms, updated every `periodMs` (a live waiting clock or countdown). */
export function useNow(periodMs = 60_000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), periodMs);
    return () => clearInterval(timer);
  }, [periodMs]);
  return now;
}
