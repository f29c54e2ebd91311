package io.catalogs.bench;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.HdrHistogram.Histogram;

/**
 * What a measured phase produced: successes and errors completed inside the measured window, its
 * length, and the latencies of the successes (microseconds) in an HdrHistogram.
 *
 * @param ok requests that succeeded
 * @param errors requests that failed (an HTTP status other than 200, GraphQL errors, a timeout)
 * @param seconds the length of the measured window
 * @param latencyMicros the latency of every successful request
 * @param errorSamples the first few failures, for the reader
 * @param unsent requests of an open-loop load that were due but never sent, the server holding
 * every slot until the window closed
 * @param serviceMicros for an open-loop load, the latency from the send rather than from the due
 * time, or {@code null}
 */
record LoadResult(long ok, long errors, double seconds, Histogram latencyMicros, List<String> errorSamples,
		long unsent, Histogram serviceMicros) {

	LoadResult(long ok, long errors, double seconds, Histogram latencyMicros, List<String> errorSamples) {
		this(ok, errors, seconds, latencyMicros, errorSamples, 0, null);
	}

	double perSecond() {
		return this.ok / this.seconds;
	}

	/** The figures as JSON: requests per second, errors and latency percentiles in milliseconds. */
	Map<String, Object> toJson(String rateName) {
		Map<String, Object> json = new LinkedHashMap<>();
		json.put(rateName, round(perSecond(), 1));
		json.put("completed", this.ok);
		json.put("errors", this.errors);
		if (this.unsent > 0) {
			json.put("dueButNeverSent", this.unsent);
		}
		json.put("measuredSeconds", round(this.seconds, 2));
		json.put("latencyMs", latency(this.latencyMicros));
		if (this.serviceMicros != null) {
			json.put("serviceLatencyMs", latency(this.serviceMicros));
		}
		if (!this.errorSamples.isEmpty()) {
			json.put("errorSamples", this.errorSamples);
		}
		return json;
	}

	/** p50/p90/p99/p99.9/max/mean of a histogram of microseconds, in milliseconds. */
	static Map<String, Object> latency(Histogram micros) {
		Map<String, Object> json = new LinkedHashMap<>();
		if (micros.getTotalCount() == 0) {
			json.put("count", 0);
			return json;
		}
		json.put("p50", millis(micros.getValueAtPercentile(50)));
		json.put("p90", millis(micros.getValueAtPercentile(90)));
		json.put("p99", millis(micros.getValueAtPercentile(99)));
		json.put("p999", millis(micros.getValueAtPercentile(99.9)));
		json.put("max", millis(micros.getMaxValue()));
		json.put("mean", round(micros.getMean() / 1000.0, 3));
		json.put("count", micros.getTotalCount());
		return json;
	}

	static double millis(long micros) {
		return round(micros / 1000.0, 3);
	}

	static double round(double value, int decimals) {
		if (Double.isNaN(value) || Double.isInfinite(value)) {
			return value;
		}
		double scale = Math.pow(10, decimals);
		return Math.round(value * scale) / scale;
	}
}
