// Stand-in for the xlsx package inside danfojs: Value Lab never reads Excel through danfojs, and
// xlsx 0.18.5 has published advisories, so the real package must not ship (DESIGN §3).
function unsupported() {
  throw new Error('Excel files are not read through danfojs in Value Lab.');
}
module.exports = { read: unsupported, readFile: unsupported, utils: {}, write: unsupported, writeFile: unsupported };
