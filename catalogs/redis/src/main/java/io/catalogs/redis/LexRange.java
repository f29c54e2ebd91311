package io.catalogs.redis;

import io.lettuce.core.Range;

/**
 * A range of members of a lexicographic sorted set, as {@code ZRANGEBYLEX} bounds it; a
 * {@code null} bound is open. Narrowing keeps the tighter bound, so conditions and cursors combine
 * in any order. Members and bounds are ASCII (hex, digits, ids and a few markers), so Java's string
 * order is the server's byte order.
 *
 * @param lower the lowest member, or {@code null}
 * @param lowerInclusive whether {@code lower} itself is in the range
 * @param upper the highest member, or {@code null}
 * @param upperInclusive whether {@code upper} itself is in the range
 */
record LexRange(String lower, boolean lowerInclusive, String upper, boolean upperInclusive) {

	/** Every member. */
	static final LexRange ALL = new LexRange(null, false, null, false);

	/** This range without members below {@code bound} (or equal to it, unless {@code inclusive}). */
	LexRange atLeast(String bound, boolean inclusive) {
		int order = (this.lower == null) ? 1 : bound.compareTo(this.lower);
		if (order > 0 || (order == 0 && !inclusive)) {
			return new LexRange(bound, inclusive, this.upper, this.upperInclusive);
		}
		return this;
	}

	/** This range without members above {@code bound} (or equal to it, unless {@code inclusive}). */
	LexRange atMost(String bound, boolean inclusive) {
		int order = (this.upper == null) ? -1 : bound.compareTo(this.upper);
		if (order < 0 || (order == 0 && !inclusive)) {
			return new LexRange(this.lower, this.lowerInclusive, bound, inclusive);
		}
		return this;
	}

	/** The lower bound in Redis syntax: {@code -}, {@code [member} or {@code (member}. */
	String min() {
		return (this.lower == null) ? "-" : (this.lowerInclusive ? "[" : "(") + this.lower;
	}

	/** The upper bound in Redis syntax: {@code +}, {@code [member} or {@code (member}. */
	String max() {
		return (this.upper == null) ? "+" : (this.upperInclusive ? "[" : "(") + this.upper;
	}

	/** The same range for Lettuce's typed commands. */
	Range<String> toRange() {
		return Range.from(boundary(this.lower, this.lowerInclusive), boundary(this.upper, this.upperInclusive));
	}

	private static Range.Boundary<String> boundary(String value, boolean inclusive) {
		if (value == null) {
			return Range.Boundary.unbounded();
		}
		return inclusive ? Range.Boundary.including(value) : Range.Boundary.excluding(value);
	}
}
