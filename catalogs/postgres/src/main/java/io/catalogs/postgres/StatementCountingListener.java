package io.catalogs.postgres;

import io.micrometer.core.instrument.Counter;
import io.r2dbc.proxy.core.QueryExecutionInfo;
import io.r2dbc.proxy.listener.ProxyExecutionListener;

/**
 * Counts the statements a catalog sends to PostgreSQL (one per execution, a batch counting once):
 * the round trips that tests and benchmarks compare per GraphQL request. Called on the driver's
 * threads; the counter is thread-safe.
 */
final class StatementCountingListener implements ProxyExecutionListener {

	/** The name of the Micrometer counter, tagged {@code catalog=<name>}. */
	static final String METER = "catalog.statements";

	private final Counter statements;

	StatementCountingListener(Counter statements) {
		this.statements = statements;
	}

	@Override
	public void beforeQuery(QueryExecutionInfo execution) {
		this.statements.increment();
	}
}
