package dev.continuity.bench;

import org.jfree.chart.ChartFactory;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Plots bench/run.sh's results (CSV: resources,wall_median_s,...,load_ms,derive_ms,rules_ms) as time
 * against inventory size, both axes logarithmic.
 * <pre>Plot RESULTS.csv OUT.png</pre>
 */
public final class Plot {
    public static void main(String[] args) throws IOException {
        List<String> lines = Files.readAllLines(Path.of(args[0]));
        XYSeries wall = new XYSeries("whole command (median wall)");
        XYSeries load = new XYSeries("load");
        XYSeries derive = new XYSeries("derive (graph)");
        XYSeries rules = new XYSeries("rules (Drools)");
        for (String line : lines.subList(1, lines.size())) {
            String[] c = line.split(",");
            double n = Double.parseDouble(c[0]);
            wall.add(n, Double.parseDouble(c[1]));
            load.add(n, Double.parseDouble(c[5]) / 1000);
            derive.add(n, Math.max(0.001, Double.parseDouble(c[6]) / 1000));
            rules.add(n, Double.parseDouble(c[7]) / 1000);
        }
        XYSeriesCollection data = new XYSeriesCollection();
        data.addSeries(wall);
        data.addSeries(load);
        data.addSeries(rules);
        data.addSeries(derive);
        JFreeChart chart = ChartFactory.createXYLineChart("continuity check: time against inventory size",
                "resources", "seconds", data, PlotOrientation.VERTICAL, true, false, false);
        XYPlot plot = chart.getXYPlot();
        LogAxis x = new LogAxis("resources");
        x.setBase(10);
        x.setNumberFormatOverride(new java.text.DecimalFormat("#,##0"));
        x.setTickUnit(new NumberTickUnit(1));
        plot.setDomainAxis(x);
        LogAxis y = new LogAxis("seconds");
        y.setBase(10);
        y.setNumberFormatOverride(new java.text.DecimalFormat("0.###"));
        y.setTickUnit(new NumberTickUnit(1));
        plot.setRangeAxis(y);
        var renderer = new org.jfree.chart.renderer.xy.XYLineAndShapeRenderer(true, true);
        plot.setRenderer(renderer);
        plot.setBackgroundPaint(java.awt.Color.WHITE);
        plot.setDomainGridlinePaint(java.awt.Color.LIGHT_GRAY);
        plot.setRangeGridlinePaint(java.awt.Color.LIGHT_GRAY);
        ChartUtils.saveChartAsPNG(Path.of(args[1]).toFile(), chart, 900, 540);
    }
}
