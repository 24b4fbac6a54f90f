/* A region's charts: ECharts (served locally) drawing the yearly figures in #region-data. */
(function () {
  "use strict";
  var source = document.getElementById("region-data");
  var draw = window.gongkaiChart;  // dashboard/draw.js
  if (!source || !window.echarts || !draw) { return; }
  var years = JSON.parse(source.textContent);
  var labels = years.map(function (y) { return y.year + "年"; });

  draw("chart-counts", {
    tooltip: { trigger: "axis" },
    legend: { top: 0 },
    grid: { left: 50, right: 20, top: 30, bottom: 30 },
    xAxis: { type: "category", data: labels },
    yAxis: { type: "value", minInterval: 1 },
    series: [
      { name: "新收申请", type: "bar", label: { show: true, position: "top" },
        data: years.map(function (y) { return y.new; }) },
      { name: "办理结果总计", type: "bar", label: { show: true, position: "top" },
        data: years.map(function (y) { return y.handled; }) }
    ]
  });

  var groups = years.length ? years[0].outcomes.map(function (o) { return o.name; }) : [];
  draw("chart-shares", {
    tooltip: { trigger: "axis", valueFormatter: function (v) { return v === null ? "—" : v + "%"; } },
    legend: { top: 0 },
    grid: { left: 50, right: 20, top: 50, bottom: 30 },
    xAxis: { type: "category", data: labels },
    yAxis: { type: "value", max: 100, axisLabel: { formatter: "{value}%" } },
    series: groups.map(function (name, i) {
      return { name: name, type: "bar", stack: "share",
        data: years.map(function (y) {
          var share = y.outcomes[i] ? y.outcomes[i].share : null;
          return share === null ? null : Math.round(share * 1000) / 10;
        }) };
    })
  });
}());
