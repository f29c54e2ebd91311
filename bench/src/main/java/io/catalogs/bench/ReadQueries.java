package io.catalogs.bench;

import tools.jackson.databind.JsonNode;

/** The query of the read scenarios and the check that an answer to it is complete. */
final class ReadQueries {

	/** The read query of the issue, on the primary (no {@code catalog} argument). */
	static final String PRIMARY = "{ customers(first: 100) { edges { node { id name email "
			+ "invoices(first: 5) { edges { node { id amount currency status } } } } } } }";

	private ReadQueries() {
	}

	/** The same query on the catalog {@code catalog}, or on the primary when {@code null}. */
	static String on(String catalog) {
		return (catalog == null) ? PRIMARY
				: PRIMARY.replace("customers(first: 100)", "customers(catalog: \"" + catalog + "\", first: 100)");
	}

	/**
	 * Why an answer is not 100 customers with {@code invoices} invoices each, or {@code null} when it is.
	 */
	static String problem(JsonNode answer, int invoices) {
		if (answer.has("errors")) {
			return "errors: " + answer.path("errors");
		}
		JsonNode edges = answer.path("data").path("customers").path("edges");
		if (edges.size() != 100) {
			return edges.size() + " customers instead of 100";
		}
		for (JsonNode edge : edges) {
			int count = edge.path("node").path("invoices").path("edges").size();
			if (count != invoices) {
				return "customer " + edge.path("node").path("id").asString() + " has " + count + " invoices instead of "
						+ invoices;
			}
		}
		return null;
	}
}
