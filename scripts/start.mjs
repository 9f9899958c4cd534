// `npm start`: install what is missing, build if needed, serve on http://localhost:3000.
import { spawn } from 'node:child_process';
import { ensureBuilt, ensureInstalled, root } from './lib.mjs';

ensureInstalled();
ensureBuilt();
const port = process.env.PORT ?? '3000';
console.log(`\n▶ Value Lab on http://localhost:${port} (Ctrl+C to stop)`);
const server = spawn('npx', ['next', 'start', '-p', port], { cwd: root, stdio: 'inherit', env: process.env });
server.on('exit', (code) => process.exit(code ?? 0));
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.kill(signal));
