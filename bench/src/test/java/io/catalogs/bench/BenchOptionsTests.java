package io.catalogs.bench;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class BenchOptionsTests {

	@Test
	void flagsWinOverEnvironmentWhichWinsOverDefaults() {
		BenchOptions options = BenchOptions.parse(new String[] { "--duration=45s", "--concurrency=8" },
				Map.of("BENCH_DURATION", "5s", "BENCH_WARMUP", "2s"));
		assertThat(options.duration()).isEqualTo(Duration.ofSeconds(45));
		assertThat(options.warmup()).isEqualTo(Duration.ofSeconds(2));
		assertThat(options.concurrency()).isEqualTo(8);
		assertThat(options.writeRate()).isEqualTo(1000);
		assertThat(options.startsGateway()).isTrue();
	}

	@Test
	void parsesDurationsInTheUsualUnits() {
		assertThat(BenchOptions.parseDuration("500ms")).isEqualTo(Duration.ofMillis(500));
		assertThat(BenchOptions.parseDuration("1.5s")).isEqualTo(Duration.ofMillis(1500));
		assertThat(BenchOptions.parseDuration("2m")).isEqualTo(Duration.ofMinutes(2));
		assertThat(BenchOptions.parseDuration("PT3S")).isEqualTo(Duration.ofSeconds(3));
		assertThat(BenchOptions.parseDuration("7")).isEqualTo(Duration.ofSeconds(7));
	}

	@Test
	void selectsScenariosAndRefusesUnknownOnes() {
		BenchOptions options = BenchOptions.parse(new String[] { "--scenarios=read, read-floor" }, Map.of());
		assertThat(options.runs("read")).isTrue();
		assertThat(options.runs("read-floor")).isTrue();
		assertThat(options.runs("write-sync")).isFalse();
		assertThatIllegalArgumentException()
			.isThrownBy(() -> BenchOptions.parse(new String[] { "--scenarios=read,fly" }, Map.of()))
			.withMessageContaining("fly");
	}

	@Test
	void refusesUnknownOptionsAndBareArguments() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> BenchOptions.parse(new String[] { "--durration=5s" }, Map.of()))
			.withMessageContaining("durration");
		assertThatIllegalArgumentException().isThrownBy(() -> BenchOptions.parse(new String[] { "fast" }, Map.of()));
	}
}
