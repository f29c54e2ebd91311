package io.catalogs.bench;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import org.HdrHistogram.Histogram;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;

/** Samples a process's RSS every half second while it runs, for the mean and maximum under load. */
final class RssSampler {

	private final long pid;

	private final Histogram samplesKb = new Histogram(3);

	private Disposable sampling;

	RssSampler(long pid) {
		this.pid = pid;
	}

	synchronized void start() {
		this.sampling = Flux.interval(Duration.ZERO, Duration.ofMillis(500)).subscribe((tick) -> {
			long rss = ProcessMemory.rssKb(this.pid);
			if (rss > 0) {
				synchronized (this) {
					this.samplesKb.recordValue(rss);
				}
			}
		});
	}

	/** Stop sampling; the samples as JSON in MB. */
	synchronized Map<String, Object> stop() {
		if (this.sampling != null) {
			this.sampling.dispose();
		}
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("samples", this.samplesKb.getTotalCount());
		if (this.samplesKb.getTotalCount() > 0) {
			json.put("meanMb", LoadResult.round(this.samplesKb.getMean() / 1024, 1));
			json.put("maxMb", LoadResult.round(this.samplesKb.getMaxValue() / 1024.0, 1));
		}
		return json;
	}
}
