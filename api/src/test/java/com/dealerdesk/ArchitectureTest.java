package com.dealerdesk;

import java.util.Set;
import java.util.stream.Collectors;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.importer.Locations;
import org.junit.jupiter.api.Test;

import org.springframework.stereotype.Repository;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Keeps the package-by-feature plan true: features talk to each other through public
 * services only, the platform knows no feature, and no cycles form between areas.
 */
class ArchitectureTest {

	/**
	 * The API's own classes: the test classpath also holds the embedded PostgreSQL of
	 * {@code dealerdesk-embedded-postgres}, which is not part of the production jar.
	 */
	private static final JavaClasses CLASSES = new ClassFileImporter()
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importLocations(Locations.ofPackage("com.dealerdesk")
			.stream()
			.filter(location -> location.contains(mainClasses()))
			.toList());

	private static String mainClasses() {
		return DealerDeskApplication.class.getProtectionDomain().getCodeSource().getLocation().toString();
	}

	@Test
	void platformDependsOnNoFeature() {
		noClasses().that()
			.resideInAPackage("com.dealerdesk.platform..")
			.should()
			.dependOnClassesThat(JavaClass.Predicates.resideInAPackage("com.dealerdesk..")
				.and(DescribedPredicate.not(JavaClass.Predicates.resideInAPackage("com.dealerdesk.platform.."))))
			.check(CLASSES);
	}

	@Test
	void repositoriesAreUsedOnlyInsideTheirFeature() {
		Set<String> features = CLASSES.stream()
			.filter(javaClass -> javaClass.isAnnotatedWith(Repository.class))
			.map(javaClass -> javaClass.getPackageName().substring("com.dealerdesk.".length()).split("\\.")[0])
			.collect(Collectors.toSet());
		assertThat(features).contains("customer", "sales");
		for (String feature : features) {
			noClasses().that()
				.resideOutsideOfPackage("com.dealerdesk." + feature + "..")
				.should()
				.dependOnClassesThat(JavaClass.Predicates.resideInAPackage("com.dealerdesk." + feature + "..")
					.and(DescribedPredicate.describe("repositories",
							javaClass -> javaClass.isAnnotatedWith(Repository.class))))
				.check(CLASSES);
		}
	}

	@Test
	void areasHaveNoCycles() {
		slices().matching("com.dealerdesk.(*)..").should().beFreeOfCycles().check(CLASSES);
	}

	/**
	 * The platform's parts form layers too: errors are the bottom (everything reports
	 * through them), GraphQL plumbing may use errors and security, never the reverse.
	 */
	@Test
	void platformPartsHaveNoCycles() {
		slices().matching("com.dealerdesk.platform.(*)..").should().beFreeOfCycles().check(CLASSES);
	}

	@Test
	void platformErrorsDependOnNoOtherPlatformPart() {
		noClasses().that()
			.resideInAPackage("com.dealerdesk.platform.error..")
			.should()
			.dependOnClassesThat(JavaClass.Predicates.resideInAPackage("com.dealerdesk.platform..")
				.and(DescribedPredicate.not(JavaClass.Predicates.resideInAPackage("com.dealerdesk.platform.error.."))))
			.check(CLASSES);
	}

	/**
	 * The production jar has no development code: the identity provider, the demo data
	 * and the embedded PostgreSQL live in api-dev (the pom's enforcer rule keeps their
	 * libraries out).
	 */
	@Test
	void productionCodeHasNoDevelopmentCode() {
		noClasses().should()
			.resideInAnyPackage("com.dealerdesk.devidp..", "com.dealerdesk.demo..", "com.dealerdesk.embeddedpostgres..")
			.orShould()
			.dependOnClassesThat()
			.resideInAnyPackage("io.zonky..", "org.springframework.security.oauth2.server.authorization..",
					"org.apache.catalina..")
			.check(CLASSES);
	}

}
