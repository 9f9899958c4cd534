'use client';
import { useEffect, useState } from 'react';
import { useAppStore } from '@/lib/store';
import { decodeSettings, encodeSettings, SHARE_KEY } from '@/lib/notebook/settings';

/** The settings in the link's fragment (#settings=…), which the browser never sends to a server. */
function sharedFragment(): string | null {
  const params = new URLSearchParams(window.location.hash.slice(1));
  return params.get(SHARE_KEY);
}

/**
 * "Copy share link": the spec, model and value settings (never the data) in the URL, like
 * TensorFlow Playground's. Opening such a link applies the settings once a table with their columns
 * is loaded (the bundled sample, or the file the person loads next).
 */
export function ShareLink() {
  const message = useAppStore((s) => s.settingsMessage);
  const dismiss = useAppStore((s) => s.dismissSettingsMessage);
  const [link, setLink] = useState<string | null>(null);
  const [copied, setCopied] = useState<string | null>(null);

  useEffect(() => {
    const encoded = sharedFragment();
    if (!encoded) return;
    decodeSettings(encoded)
      .then((settings) => useAppStore.getState().receiveSettings(settings))
      .catch((err: Error) => useAppStore.setState({ settingsMessage: { kind: 'error', text: `This share link cannot be used: ${err.message}. Your current settings are unchanged.` } }));
  }, []);

  const share = async () => {
    const encoded = await encodeSettings(useAppStore.getState().currentSettings());
    const url = `${window.location.origin}${window.location.pathname}#${SHARE_KEY}=${encoded}`;
    setLink(url);
    try {
      await navigator.clipboard.writeText(url);
      setCopied('Copied to the clipboard.');
    } catch {
      setCopied('Select the link and copy it (the clipboard is not available here).');
    }
  };

  return (
    <div className="share" data-testid="share">
      <button className="secondary" onClick={() => void share()}>
        Copy share link
      </button>
      {link && (
        <span className="row">
          <input readOnly value={link} aria-label="Share link (settings only, no data)" data-testid="share-link" onFocus={(e) => e.currentTarget.select()} size={40} />
          <span className="muted">{copied} The link holds the settings, not the data: whoever opens it loads their own copy of the dataset.</span>
        </span>
      )}
      {message && (
        <div className={`alert ${message.kind === 'applied' ? 'warn' : ''}`} role={message.kind === 'error' ? 'alert' : 'status'} data-testid="settings-message">
          {message.text}{' '}
          <button className="secondary" onClick={dismiss}>
            Dismiss
          </button>
        </div>
      )}
    </div>
  );
}
