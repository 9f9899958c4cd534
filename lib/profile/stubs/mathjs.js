// Stand-in for mathjs inside danfojs. danfojs imports five statistics from it (mean, median, mode, std,
// variance) for describe() and friends; the real mathjs 9 added 1.2 MB to the Data cell's chunk and
// carries an expression evaluator the app never needs (and an old version to vouch for). These follow
// mathjs' definitions (unbiased variance, the mean of the two middle values for an even count, every
// most frequent value for the mode); lib/profile/stubs/mathjs.test.ts checks them against mathjs itself.
function values(array) {
  const flat = Array.isArray(array) ? array.flat(Infinity) : Array.from(array);
  if (flat.length === 0) throw new SyntaxError('Cannot calculate a statistic of an empty array');
  return flat;
}

function mean(array) {
  const xs = values(array);
  let sum = 0;
  for (const x of xs) sum += x;
  return sum / xs.length;
}

function median(array) {
  const xs = values(array).slice().sort((a, b) => a - b);
  const mid = xs.length >> 1;
  return xs.length % 2 ? xs[mid] : (xs[mid - 1] + xs[mid]) / 2;
}

function variance(array) {
  const xs = values(array);
  if (xs.length < 2) return 0;
  const m = mean(xs);
  let sum = 0;
  for (const x of xs) sum += (x - m) * (x - m);
  return sum / (xs.length - 1);
}

function std(array) {
  return Math.sqrt(variance(array));
}

function mode(array) {
  const xs = values(array);
  const counts = new Map();
  let best = 0;
  for (const x of xs) {
    const n = (counts.get(x) || 0) + 1;
    counts.set(x, n);
    if (n > best) best = n;
  }
  return [...counts].filter(([, n]) => n === best).map(([x]) => x);
}

module.exports = { mean, median, mode, std, variance };
