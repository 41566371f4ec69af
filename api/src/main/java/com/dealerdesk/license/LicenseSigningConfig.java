package com.dealerdesk.license;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/** Binds the signing key settings for {@link LicenseFileSigner}. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(LicenseSigningProperties.class)
class LicenseSigningConfig {

}
