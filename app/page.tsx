import { Notebook } from '@/components/notebook/Notebook';

export default function Page() {
  return (
    <main className="page">
      <header className="page-header">
        <h1>Value Lab</h1>
        <p>
          Turn user actions into labels, sample, train on your own GPU, and blend calibrated predictions into a value model:{' '}
          <code>score = Σ w·p(action)</code>. Nothing leaves your machine.
        </p>
      </header>
      <Notebook />
    </main>
  );
}
