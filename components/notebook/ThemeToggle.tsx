'use client';
import { useEffect, useSyncExternalStore } from 'react';

type Theme = 'system' | 'light' | 'dark';
const KEY = 'value-lab-theme';
const CHANGED = 'value-lab-theme-change';
/** The choice when storage is off (private mode): it lasts for this page only. */
let memoryTheme: Theme = 'system';

function readTheme(): Theme {
  try {
    const saved = window.localStorage.getItem(KEY);
    return saved === 'light' || saved === 'dark' ? saved : 'system';
  } catch {
    return memoryTheme;
  }
}

function subscribe(onChange: () => void): () => void {
  window.addEventListener('storage', onChange);
  window.addEventListener(CHANGED, onChange);
  return () => {
    window.removeEventListener('storage', onChange);
    window.removeEventListener(CHANGED, onChange);
  };
}

function saveTheme(theme: Theme): void {
  memoryTheme = theme;
  try {
    if (theme === 'system') window.localStorage.removeItem(KEY);
    else window.localStorage.setItem(KEY, theme);
  } catch {
    // Storage off: memoryTheme keeps the choice for this page.
  }
  window.dispatchEvent(new Event(CHANGED));
}

/** Light, dark, or the system's choice; remembered in this browser. The server renders "system". */
export function ThemeToggle() {
  const theme = useSyncExternalStore(subscribe, readTheme, () => 'system' as Theme);
  useEffect(() => {
    const root = document.documentElement;
    if (theme === 'system') delete root.dataset.theme;
    else root.dataset.theme = theme;
  }, [theme]);
  return (
    <label className="row" style={{ gap: 6 }}>
      Theme
      <select value={theme} onChange={(e) => saveTheme(e.target.value as Theme)} aria-label="Theme">
        <option value="system">as the system</option>
        <option value="light">light</option>
        <option value="dark">dark</option>
      </select>
    </label>
  );
}
