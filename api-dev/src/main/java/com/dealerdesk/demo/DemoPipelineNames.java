package com.dealerdesk.demo;

import java.util.List;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;

/**
 * Russian and Chinese names of the default pipeline's stages and the lost reasons (both
 * created by the schema migrations in English), as an admin would give them on the
 * pipeline settings page.
 */
final class DemoPipelineNames {

	private record Names(String table, String id, String ru, String zhCn) {
	}

	private static final String ID = "5a1e0000-0000-4000-8000-000000000";

	private static final List<Names> ALL = List.of(new Names("pipeline", ID + "001", "Продажи ПО", "软件销售"),
			new Names("stage", ID + "101", "Сбор информации", "信息收集"),
			new Names("stage", ID + "102", "Цель подтверждена", "目标已确认"),
			new Names("stage", ID + "103", "Первый контакт", "首次接触"), new Names("stage", ID + "104", "Встреча", "会面"),
			new Names("stage", ID + "105", "Демо / пробная установка", "演示 / 试用安装"),
			new Names("stage", ID + "106", "Переговоры", "谈判"),
			new Names("stage", ID + "107", "Договор подписан", "合同已签署"),
			new Names("stage", ID + "108", "Установка и обучение", "安装与培训"),
			new Names("stage", ID + "109", "Оплачено", "已付款"), new Names("lost_reason", ID + "201", "Цена", "价格"),
			new Names("lost_reason", ID + "202", "Конкурент", "竞争对手"),
			new Names("lost_reason", ID + "203", "Нет бюджета", "没有预算"),
			new Names("lost_reason", ID + "204", "Нет решения", "未做决定"),
			new Names("lost_reason", ID + "205", "Другое", "其他"));

	private DemoPipelineNames() {
	}

	/** Adds the names where the admin has not given any yet. */
	static Mono<Void> add(DatabaseClient database) {
		return Flux.fromIterable(ALL)
			.concatMap(names -> database
				.sql("update " + names.table()
						+ " set name_translations = jsonb_build_object('ru', $1::text, 'zh-CN', $2::text)"
						+ " where id = $3::uuid and name_translations = '{}'")
				.bind(0, names.ru())
				.bind(1, names.zhCn())
				.bind(2, names.id())
				.then())
			.then();
	}

}
