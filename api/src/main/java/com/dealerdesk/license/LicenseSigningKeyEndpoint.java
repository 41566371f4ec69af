package com.dealerdesk.license;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Publishes the public key that verifies license files, without authentication: programs
 * and license servers fetch it once and then verify offline.
 */
@RestController
class LicenseSigningKeyEndpoint {

	static final String PATH = "/license-signing-key.pem";

	private final LicenseFileSigner signer;

	LicenseSigningKeyEndpoint(LicenseFileSigner signer) {
		this.signer = signer;
	}

	@GetMapping(PATH)
	ResponseEntity<String> publicKey() {
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType("application/x-pem-file"))
			.header("X-Key-Id", this.signer.keyId())
			.body(this.signer.publicKeyPem());
	}

}
