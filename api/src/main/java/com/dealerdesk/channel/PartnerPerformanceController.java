package com.dealerdesk.channel;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import com.dealerdesk.channel.PartnerPerformance.ProductSales;
import com.dealerdesk.channel.PartnerPerformance.Row;
import com.dealerdesk.partner.Partner;
import com.dealerdesk.partner.PartnerDirectory;
import com.dealerdesk.platform.graphql.Batches;
import com.dealerdesk.platform.security.Actor;
import com.dealerdesk.product.Product;
import com.dealerdesk.product.ProductService;
import reactor.core.publisher.Mono;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.ContextValue;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

@Controller
class PartnerPerformanceController {

	private final PartnerPerformanceService service;

	private final PartnerDirectory partners;

	private final ProductService products;

	PartnerPerformanceController(PartnerPerformanceService service, PartnerDirectory partners,
			ProductService products) {
		this.service = service;
		this.partners = partners;
		this.products = products;
	}

	@QueryMapping
	Mono<PartnerPerformance> partnerPerformance(@Argument LocalDate from, @Argument LocalDate to,
			@Argument String currency, @Argument String partnerId, @ContextValue Actor actor) {
		return this.service.performance(actor, from, to, currency, partnerId);
	}

	/** Null in the total. */
	@BatchMapping(typeName = "PartnerPerformanceRow")
	Mono<Map<Row, Partner>> partner(List<Row> rows) {
		return Batches.load(rows, Row::partnerId, this.partners::byIds);
	}

	@BatchMapping(typeName = "ProductSales")
	Mono<Map<ProductSales, Product>> product(List<ProductSales> sales) {
		return Batches.load(sales, ProductSales::productId, this.products::byIds);
	}

}
