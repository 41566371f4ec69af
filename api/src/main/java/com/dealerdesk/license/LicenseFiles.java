package com.dealerdesk.license;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.dealerdesk.customer.Customer;
import com.dealerdesk.license.License.LicenseStatus;
import com.dealerdesk.license.LicenseInputs.LicenseProblem;
import com.dealerdesk.license.LicenseInputs.LicenseVerification;
import com.dealerdesk.platform.graphql.GlobalId;
import com.dealerdesk.platform.security.Actor;
import com.dealerdesk.product.Product;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Component;

/**
 * Signed license files (docs/licensing.md) and the answer to "is this license valid, and
 * why not?" for a file or a serial number.
 */
@Component
class LicenseFiles {

	private final LicenseFileSigner signer;

	private final LicenseService licenses;

	LicenseFiles(LicenseFileSigner signer, LicenseService licenses) {
		this.signer = signer;
		this.licenses = licenses;
	}

	/** The license's current terms, signed. */
	String signedFile(License license, Product product, Customer customer, String keyNumber, long issuedAtSeconds) {
		Map<String, Object> claims = new LinkedHashMap<>();
		claims.put("iss", "dealerdesk");
		claims.put("sub", license.serial());
		claims.put("lic", GlobalId.of("License", license.id()));
		claims.put("product", product.code());
		claims.put("productName", product.displayName(license.editionCode()));
		claims.put("edition", license.editionCode());
		claims.put("customer", customer == null ? null : customer.name());
		claims.put("seats", license.seats());
		claims.put("startsOn", license.startsOn().toString());
		claims.put("endsOn", license.endsOn() == null ? null : license.endsOn().toString());
		claims.put("model", product.licenseModel().name());
		claims.put("key", keyNumber);
		claims.put("iat", issuedAtSeconds);
		claims.put("ver", license.version());
		return this.signer.sign(claims);
	}

	Mono<LicenseVerification> verify(Actor actor, String serial, String file) {
		if (file != null) {
			return switchOnFile(actor, file);
		}
		if (serial == null) {
			return Mono.just(invalid(LicenseProblem.MALFORMED));
		}
		SerialNumbers.Parsed parsed = SerialNumbers.parse(serial);
		if (parsed instanceof SerialNumbers.Parsed.Valid valid) {
			return check(actor, valid.serial(), null);
		}
		return Mono.just(invalid(parsed instanceof SerialNumbers.Parsed.CheckMismatch
				? LicenseProblem.CHECK_CHARACTER_MISMATCH : LicenseProblem.MALFORMED));
	}

	private Mono<LicenseVerification> switchOnFile(Actor actor, String file) {
		LicenseFileSigner.Verification verification = this.signer.verify(file);
		if (verification instanceof LicenseFileSigner.Verification.Genuine genuine) {
			Object serial = genuine.claims().get("sub");
			Object version = genuine.claims().get("ver");
			if (!(serial instanceof String text) || !(version instanceof Number number)) {
				return Mono.just(invalid(LicenseProblem.MALFORMED));
			}
			return check(actor, text, number.intValue());
		}
		return Mono.just(invalid(verification instanceof LicenseFileSigner.Verification.BadSignature
				? LicenseProblem.BAD_SIGNATURE : LicenseProblem.MALFORMED));
	}

	/** The license's current state; a file also must be of its current version. */
	private Mono<LicenseVerification> check(Actor actor, String serial, Integer fileVersion) {
		return this.licenses.bySerialForVerification(serial).flatMap(license -> {
			LocalDate today = this.licenses.today();
			List<LicenseProblem> problems = new ArrayList<>();
			LicenseStatus status = license.status(today);
			if (status != LicenseStatus.ACTIVE) {
				problems.add(LicenseProblem.valueOf(status.name()));
			}
			if (license.startsOn().isAfter(today)) {
				problems.add(LicenseProblem.NOT_YET_VALID);
			}
			if (fileVersion != null && fileVersion < license.version()) {
				problems.add(LicenseProblem.OUTDATED_FILE);
			}
			// the answer is for anyone who holds the serial; the details only in scope
			return this.licenses.licenses(actor, Set.of(license.id()))
				.map(visible -> new LicenseVerification(problems.isEmpty(), List.copyOf(problems),
						visible.get(license.id())));
		}).defaultIfEmpty(invalid(LicenseProblem.UNKNOWN_LICENSE));
	}

	private static LicenseVerification invalid(LicenseProblem problem) {
		return new LicenseVerification(false, List.of(problem), null);
	}

}
