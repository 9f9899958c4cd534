/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  // Nothing leaves the machine: the app only talks to its own origin.
  poweredByHeader: false,
  turbopack: {
    resolveAlias: {
      // danfojs' default browser entry inlines tfjs 3.13 and plotly, and its kernels would overwrite
      // tfjs 4.22's. Its plain CommonJS sources use our one tfjs instead (DESIGN §3). A relative
      // path is required: a bare "danfojs/dist/..." target is silently ignored.
      danfojs: './node_modules/danfojs/dist/danfojs-browser/src/index.js',
      xlsx: './lib/profile/stubs/xlsx.js',
      mathjs: './lib/profile/stubs/mathjs.js',
      'plotly.js-dist-min': './lib/profile/stubs/plotly.js',
    },
  },
  async headers() {
    return [
      {
        source: '/:path*',
        headers: [
          { key: 'Content-Security-Policy', value: "default-src 'self'; script-src 'self' 'unsafe-inline' 'wasm-unsafe-eval' blob:; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; worker-src 'self' blob:; connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'self'; frame-ancestors 'none'" },
          { key: 'Referrer-Policy', value: 'no-referrer' },
          // Cross-origin isolation: SharedArrayBuffer, so the wasm backend can use threads. Everything
          // the app loads is same-origin, so nothing is blocked by it.
          { key: 'Cross-Origin-Opener-Policy', value: 'same-origin' },
          { key: 'Cross-Origin-Embedder-Policy', value: 'require-corp' },
          { key: 'X-Content-Type-Options', value: 'nosniff' },
        ],
      },
    ];
  },
};

module.exports = nextConfig;
