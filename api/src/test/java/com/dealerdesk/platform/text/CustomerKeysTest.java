package com.dealerdesk.platform.text;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CustomerKeysTest {

	@Test
	void namesInCyrillicAndLatinWithAnyLegalFormGiveOneKey() {
		assertThat(CustomerKeys.name("ООО \"Ромашка\"")).isEqualTo("romashka");
		assertThat(CustomerKeys.name("«Ромашка», ООО")).isEqualTo("romashka");
		assertThat(CustomerKeys.name("Romashka LLC")).isEqualTo("romashka");
		assertThat(CustomerKeys.name("ROMASHKA, ООО")).isEqualTo("romashka");
		assertThat(CustomerKeys.name("Romashka Ltd.")).isEqualTo("romashka");
		assertThat(CustomerKeys.name("OOO Romashka")).isEqualTo("romashka");
	}

	@Test
	void chineseNamesGiveTheirPinyinWithoutTheLegalForm() {
		assertThat(CustomerKeys.name("北京星辰科技有限公司")).isEqualTo("beijingxingchenkeji");
		assertThat(CustomerKeys.name("Beijing Xingchen Keji Co., Ltd.")).isEqualTo("beijingxingchenkeji");
		assertThat(CustomerKeys.name("北京星辰科技股份有限公司")).isEqualTo("beijingxingchenkeji");
	}

	@Test
	void accentsAndOtherLegalFormsFold() {
		assertThat(CustomerKeys.name("Müller Maschinen GmbH")).isEqualTo(CustomerKeys.name("MULLER MASCHINEN AG"));
		assertThat(CustomerKeys.name("Baltic Data SIA")).isEqualTo("balticdata");
	}

	@Test
	void differentOrganisationsStayApart() {
		assertThat(CustomerKeys.name("Romashka Trading")).isNotEqualTo(CustomerKeys.name("Romashka"));
		assertThat(CustomerKeys.name("Acme Inc")).isNotEqualTo(CustomerKeys.name("Acne Inc"));
	}

	@Test
	void aNameThatIsOnlyALegalFormKeepsIt() {
		assertThat(CustomerKeys.name("LLC")).isEqualTo("llc");
		assertThat(CustomerKeys.name("---")).isNull();
	}

	@Test
	void taxIdsKeepOnlyLettersAndDigits() {
		assertThat(CustomerKeys.taxId(" de 123-456.789 ")).isEqualTo("de123456789");
		assertThat(CustomerKeys.taxId("--")).isNull();
	}

	@Test
	void emailDomainsComeFromAddressesOrDomains() {
		assertThat(CustomerKeys.emailDomain("Anna@Romashka.RU")).isEqualTo("romashka.ru");
		assertThat(CustomerKeys.emailDomain("www.romashka.ru")).isEqualTo("romashka.ru");
		assertThat(CustomerKeys.isPublicMailDomain(CustomerKeys.emailDomain("someone@gmail.com"))).isTrue();
		assertThat(CustomerKeys.isPublicMailDomain("romashka.ru")).isFalse();
	}

}
