package io.catalogs.api.fake;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Random;

/** Decides which fault (if any) a fake server injects into each request. Called one request at a time. */
@FunctionalInterface
public interface FaultPlan {

	Fault next(FakeExchange request);

	static FaultPlan none() {
		return (request) -> Fault.NONE;
	}

	static FaultPlan always(Fault fault) {
		return (request) -> fault;
	}

	/** The given faults for the first requests, then none. */
	static FaultPlan first(Fault... faults) {
		Deque<Fault> queue = new ArrayDeque<>(List.of(faults));
		return (request) -> queue.isEmpty() ? Fault.NONE : queue.poll();
	}

	/** Each request fails with probability {@code rate}, the fault drawn from {@code faults}; seeded, so repeatable. */
	static FaultPlan random(long seed, double rate, Fault... faults) {
		Random random = new Random(seed);
		return (request) -> (random.nextDouble() < rate) ? faults[random.nextInt(faults.length)] : Fault.NONE;
	}
}
