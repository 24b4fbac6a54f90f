/* Charts of `gongkai corpus report`: reads the figures from #corpus-data, draws with ECharts. */
(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("corpus-data").textContent);
  function chart(id, option) {
    var el = document.getElementById(id);
    if (!el || typeof echarts === "undefined") return;
    var c = echarts.init(el);
    c.setOption(option);
    window.addEventListener("resize", function () { c.resize(); });
  }
  var years = data.applications.map(function (r) { return String(r[0]); });
  chart("chart-applications", {
    title: { text: "本年新收申请数（件）" },
    tooltip: { trigger: "axis" },
    xAxis: { type: "category", data: years },
    yAxis: { type: "value" },
    series: [{ type: "bar", name: "本年新收", data: data.applications.map(function (r) { return r[2]; }) }]
  });
  chart("chart-outcomes", {
    title: { text: "办理结果占比（%）" },
    tooltip: { trigger: "axis" },
    legend: { bottom: 0 },
    grid: { top: 50, bottom: 60 },
    xAxis: { type: "category", data: years },
    yAxis: { type: "value", max: 100 },
    series: data.outcome_groups.map(function (g, i) {
      return {
        type: "bar", stack: "share", name: g[1],
        data: data.applications.map(function (r) {
          return r[3] ? Math.round(1000 * (r[4 + i] || 0) / r[3]) / 10 : null;
        })
      };
    })
  });
  var regions = [], idYears = [];
  data.identity.forEach(function (r) {
    if (regions.indexOf(r[0]) < 0) regions.push(r[0]);
    if (idYears.indexOf(String(r[1])) < 0) idYears.push(String(r[1]));
  });
  idYears.sort();
  chart("chart-identity", {
    title: { text: "勾稽关系不成立的报告占比（%）" },
    tooltip: { position: "top" },
    grid: { left: 160, top: 40 },
    xAxis: { type: "category", data: idYears },
    yAxis: { type: "category", data: regions },
    visualMap: { min: 0, max: 100, calculable: true, orient: "horizontal", left: "center", bottom: 0 },
    series: [{
      type: "heatmap", label: { show: true },
      data: data.identity.map(function (r) {
        return [idYears.indexOf(String(r[1])), regions.indexOf(r[0]), r[2] ? Math.round(1000 * r[3] / r[2]) / 10 : 0];
      })
    }]
  });
  var defects = data.defects.slice().reverse();
  chart("chart-defects", {
    title: { text: "出现该问题的报告数" },
    tooltip: { trigger: "axis" },
    grid: { left: 220 },
    xAxis: { type: "value" },
    yAxis: { type: "category", data: defects.map(function (r) { return r[0]; }) },
    series: [{ type: "bar", data: defects.map(function (r) { return r[2]; }) }]
  });
})();
