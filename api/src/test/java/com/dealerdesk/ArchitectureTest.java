package com.dealerdesk;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import org.springframework.stereotype.Repository;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * Keeps the package-by-feature plan true: features talk to each other through public
 * services only, the platform knows no feature, and no cycles form between areas.
 */
class ArchitectureTest {

	private static final JavaClasses CLASSES = new ClassFileImporter()
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackages("com.dealerdesk");

	@Test
	void platformDependsOnNoFeature() {
		noClasses().that()
			.resideInAPackage("com.dealerdesk.platform..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("com.dealerdesk.customer..", "com.dealerdesk.directory..", "com.dealerdesk.partner..",
					"com.dealerdesk.mail..", "com.dealerdesk.activity..", "com.dealerdesk.sales..",
					"com.dealerdesk.campaign..", "com.dealerdesk.demo..", "com.dealerdesk.devidp..")
			.check(CLASSES);
	}

	@Test
	void repositoriesAreUsedOnlyInsideTheirFeature() {
		for (String feature : new String[] { "customer", "directory", "partner", "mail", "activity", "sales" }) {
			noClasses().that()
				.resideOutsideOfPackage("com.dealerdesk." + feature + "..")
				.should()
				.dependOnClassesThat(com.tngtech.archunit.core.domain.JavaClass.Predicates
					.resideInAPackage("com.dealerdesk." + feature + "..")
					.and(com.tngtech.archunit.base.DescribedPredicate.describe("repositories",
							javaClass -> javaClass.isAnnotatedWith(Repository.class))))
				.check(CLASSES);
		}
	}

	@Test
	void areasHaveNoCycles() {
		slices().matching("com.dealerdesk.(*)..").should().beFreeOfCycles().check(CLASSES);
	}

	@Test
	void theApiNeverReachesIntoTheDevelopmentIdentityProvider() {
		noClasses().that()
			.resideOutsideOfPackage("com.dealerdesk.devidp..")
			.and()
			.doNotHaveFullyQualifiedName(DealerDeskApplication.class.getName())
			.should()
			.dependOnClassesThat()
			.resideInAPackage("com.dealerdesk.devidp..")
			.check(CLASSES);
	}

}
