package io.catalogs.redis;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LexRangeTests {

	@Test
	void allIsOpenAtBothEnds() {
		assertThat(LexRange.ALL.min()).isEqualTo("-");
		assertThat(LexRange.ALL.max()).isEqualTo("+");
	}

	@Test
	void narrowingKeepsTheTighterBoundInAnyOrder() {
		LexRange one = LexRange.ALL.atLeast("b", true).atLeast("a", false).atMost("y", true).atMost("z", false);
		LexRange other = LexRange.ALL.atMost("z", false).atMost("y", true).atLeast("a", false).atLeast("b", true);
		assertThat(one).isEqualTo(other);
		assertThat(one.min()).isEqualTo("[b");
		assertThat(one.max()).isEqualTo("[y");
	}

	@Test
	void exclusiveWinsOverInclusiveAtTheSameBound() {
		LexRange range = LexRange.ALL.atLeast("m", true).atLeast("m", false).atMost("n", true).atMost("n", false);
		assertThat(range.min()).isEqualTo("(m");
		assertThat(range.max()).isEqualTo("(n");
		assertThat(range.atLeast("m", true).min()).isEqualTo("(m");
	}
}
