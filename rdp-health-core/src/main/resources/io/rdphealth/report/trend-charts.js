/* Renders the report's trend charts from the embedded echarts-build-trends LinesChartModel JSON. */
(function () {
    'use strict';
    var dataElement = document.getElementById('rdphealth-trends');
    if (!dataElement || typeof echarts === 'undefined') {
        return;
    }
    var models = JSON.parse(dataElement.textContent);
    var charts = [];
    document.querySelectorAll('[data-trend-chart]').forEach(function (element) {
        var model = models[element.getAttribute('data-trend-chart')];
        if (!model) {
            return;
        }
        var chart = echarts.init(element, null, {renderer: 'svg'});
        var series = model.series.map(function (s) {
            var copy = Object.assign({}, s);
            copy.connectNulls = false;
            if (!copy.areaStyle) {
                delete copy.areaStyle;
            }
            if (!copy.stack) {
                delete copy.stack;
            }
            return copy;
        });
        // A few series: every name visible, wrapped under the chart. Many: one scrolling row on top.
        var few = series.length <= 8;
        chart.setOption({
            animation: false,
            tooltip: {trigger: 'axis'},
            legend: few ? {type: 'plain', bottom: 0} : {type: 'scroll', top: 0},
            grid: {left: 10, right: 20, bottom: few ? 30 + 22 * Math.floor(series.length / 3) : 10,
                top: few ? 12 : 34, containLabel: true},
            xAxis: [{type: 'category', boundaryGap: false, data: model.domainAxisLabels}],
            yAxis: [{type: 'value', minInterval: model.integerRangeAxis ? 1 : 0}],
            series: series
        });
        element.setAttribute('data-rendered-series', String(series.length));
        charts.push(chart);
    });
    window.addEventListener('resize', function () {
        charts.forEach(function (chart) {
            chart.resize();
        });
    });
})();
