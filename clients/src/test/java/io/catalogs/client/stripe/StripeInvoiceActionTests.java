package io.catalogs.client.stripe;

import org.junit.jupiter.api.Test;

import static io.catalogs.client.stripe.StripeInvoiceAction.FINALIZE;
import static io.catalogs.client.stripe.StripeInvoiceAction.MARK_UNCOLLECTIBLE;
import static io.catalogs.client.stripe.StripeInvoiceAction.PAY;
import static io.catalogs.client.stripe.StripeInvoiceAction.VOID;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class StripeInvoiceActionTests {

	@Test
	void draftsAreFinalizedBeforeAnyOtherAction() {
		assertThat(StripeInvoiceAction.between("draft", "draft")).isEmpty();
		assertThat(StripeInvoiceAction.between("draft", "open")).containsExactly(FINALIZE);
		assertThat(StripeInvoiceAction.between("draft", "paid")).containsExactly(FINALIZE, PAY);
		assertThat(StripeInvoiceAction.between("draft", "void")).containsExactly(FINALIZE, VOID);
		assertThat(StripeInvoiceAction.between("draft", "uncollectible")).containsExactly(FINALIZE, MARK_UNCOLLECTIBLE);
	}

	@Test
	void openAndUncollectibleInvoicesMoveOn() {
		assertThat(StripeInvoiceAction.between("open", "paid")).containsExactly(PAY);
		assertThat(StripeInvoiceAction.between("open", "void")).containsExactly(VOID);
		assertThat(StripeInvoiceAction.between("open", "uncollectible")).containsExactly(MARK_UNCOLLECTIBLE);
		assertThat(StripeInvoiceAction.between("uncollectible", "paid")).containsExactly(PAY);
		assertThat(StripeInvoiceAction.between("uncollectible", "void")).containsExactly(VOID);
	}

	@Test
	void refusesWaysStripeDoesNotHaveNamingBothStatuses() {
		assertThatIllegalArgumentException().isThrownBy(() -> StripeInvoiceAction.between("paid", "open"))
			.withMessageContaining("from paid to open");
		assertThatIllegalArgumentException().isThrownBy(() -> StripeInvoiceAction.between("open", "draft"));
		assertThatIllegalArgumentException().isThrownBy(() -> StripeInvoiceAction.between("void", "paid"));
		assertThatIllegalArgumentException().isThrownBy(() -> StripeInvoiceAction.between("uncollectible", "open"));
	}
}
