'use client';
import { useId, useState } from 'react';
import { useAppStore } from '@/lib/store';
import { notebookFile, openNotebook } from '@/lib/notebook/file';
import { downloadText } from '../ui/download';

/**
 * Save the notebook as one versioned JSON file (settings, notes, optionally the dataset) and open
 * one again. A file that does not validate changes nothing and says why.
 */
export function NotebookFile() {
  const inputId = useId();
  const [includeData, setIncludeData] = useState(false);
  const [message, setMessage] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);

  const save = () => {
    const s = useAppStore.getState();
    const file = notebookFile(s.currentSettings(), s.notes, includeData ? s.baseTable : null);
    const name = `${(s.baseTable?.source ?? 'notebook').replace(/[^\w.-]+/g, '_').replace(/\.\w+$/, '')}.valuelab.json`;
    downloadText(name, JSON.stringify(file), 'application/json');
    setMessage({ kind: 'ok', text: `Saved ${name}${includeData ? ' with the dataset' : ' (settings and notes; load the data yourself when you open it)'}.` });
  };

  const open = async (file: File) => {
    try {
      const opened = openNotebook(await file.text());
      const s = useAppStore.getState();
      if (opened.table && !s.acceptTable(opened.table)) throw new Error('its dataset could not be loaded (see the Data cell)');
      s.setNotes(opened.notes);
      s.receiveSettings(opened.settings);
      setMessage({ kind: 'ok', text: `Opened ${file.name}${opened.table ? ` with its dataset (${opened.table.rowCount.toLocaleString('en-US')} rows)` : ''}.` });
    } catch (err) {
      setMessage({ kind: 'error', text: `${file.name} was not opened: ${err instanceof Error ? err.message : err}. Your notebook is unchanged.` });
    }
  };

  return (
    <div className="row notebook-file" data-testid="notebook-file">
      <button className="secondary" onClick={save}>
        Save notebook file
      </button>
      <label className="row" style={{ gap: 6 }}>
        <input type="checkbox" checked={includeData} onChange={(e) => setIncludeData(e.target.checked)} />
        include the dataset
      </label>
      <label htmlFor={inputId}>Open notebook file</label>
      <input
        id={inputId}
        type="file"
        accept=".json,application/json"
        onChange={(e) => {
          const file = e.target.files?.[0];
          e.target.value = '';
          if (file) void open(file);
        }}
      />
      {message && (
        <span className={message.kind === 'error' ? 'down' : 'muted'} role={message.kind === 'error' ? 'alert' : 'status'} data-testid="notebook-file-message">
          {message.text}
        </span>
      )}
    </div>
  );
}
