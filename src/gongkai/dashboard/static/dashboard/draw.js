/* One ECharts chart drawn the gongkai way (ECharts served locally): SVG, Chinese locale, the
   site's palette and fonts, no animation, resized with the window. Used by the dashboard and
   the public region charts (opendata/region.js). */
(function () {
  "use strict";
  var palette = ["#b4232a", "#0b57b0", "#bf8700", "#116329", "#6639ba", "#57606a", "#d4a72c"];
  var font = { fontFamily: "PingFang SC, Noto Sans CJK SC, Microsoft YaHei, sans-serif" };

  window.gongkaiChart = function (id, option) {
    var el = document.getElementById(id);
    if (!el || !window.echarts) { return; }
    var chart = echarts.init(el, null, { renderer: "svg", locale: "ZH" });
    option.color = palette;
    option.textStyle = font;
    option.animation = false;
    chart.setOption(option);
    window.addEventListener("resize", function () { chart.resize(); });
  };
}());
