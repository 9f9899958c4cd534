// Stand-in for plotly.js-dist-min inside danfojs: Value Lab draws its charts with recharts, and
// plotly would add megabytes to the Data cell's chunk (DESIGN §3).
module.exports = {
  newPlot() {
    throw new Error('danfojs plotting is not available in Value Lab; charts use recharts.');
  },
};
