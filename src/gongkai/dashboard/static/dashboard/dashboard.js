/* Dashboard charts: ECharts (served locally) drawing the data the page gives in #dashboard-data. */
(function () {
  "use strict";
  var source = document.getElementById("dashboard-data");
  var draw = window.gongkaiChart;  // draw.js
  if (!source || !window.echarts || !draw) { return; }
  var data = JSON.parse(source.textContent);

  function bars(items, horizontal) {
    var names = items.map(function (d) { return d.name; });
    var values = items.map(function (d) { return d.value; });
    var category = { type: "category", data: names, axisLabel: { interval: 0, width: 110, overflow: "truncate" } };
    var value = { type: "value", minInterval: 1 };
    return {
      tooltip: { trigger: "axis" },
      grid: { left: horizontal ? 150 : 40, right: 30, top: 20, bottom: horizontal ? 20 : 60 },
      xAxis: horizontal ? value : Object.assign(category, { axisLabel: { interval: 0, rotate: 30 } }),
      yAxis: horizontal ? Object.assign(category, { inverse: true }) : value,
      series: [{ type: "bar", data: values, label: { show: true, position: horizontal ? "right" : "top" } }]
    };
  }

  draw("chart-outcome", bars(data.outcome, false));
  draw("chart-applicant", {
    tooltip: { trigger: "item" },
    series: [{ type: "pie", radius: ["35%", "65%"], data: data.applicant,
      label: { formatter: "{b}：{c}" } }]
  });
  draw("chart-ranking", bars(data.ranking, true));
  draw("chart-trend", {
    tooltip: { trigger: "axis" },
    grid: { left: 50, right: 30, top: 20, bottom: 30 },
    xAxis: { type: "category", data: data.trend.map(function (d) { return d.year + "年"; }) },
    yAxis: { type: "value", minInterval: 1 },
    series: [{ type: "line", data: data.trend.map(function (d) { return d.value; }), label: { show: true } }]
  });
}());
