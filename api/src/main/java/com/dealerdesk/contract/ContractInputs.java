package com.dealerdesk.contract;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import com.dealerdesk.contract.Contract.ContractStatus;
import com.dealerdesk.platform.error.UserError;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.springframework.graphql.data.ArgumentValue;

final class ContractInputs {

	private ContractInputs() {
	}

	record CreateContractInput(@NotBlank String customerId, @NotBlank @Size(max = 200) String title,
			String opportunityId, String quoteId, String orderId, @Size(max = 3) String currency, BigDecimal total) {

	}

	record UpdateContractInput(@NotBlank String id, @NotNull Integer expectedVersion,
			@NotBlank @Size(max = 200) ArgumentValue<String> title, ArgumentValue<String> opportunityId,
			@NotBlank @Size(max = 3) ArgumentValue<String> currency, @NotNull ArgumentValue<BigDecimal> total,
			ArgumentValue<LocalDate> signedOn) {

	}

	record ChangeContractStatusInput(@NotBlank String id, @NotNull Integer expectedVersion,
			@NotNull ContractStatus status, LocalDate signedOn, @Size(max = 2000) String reason) {

	}

	record DeleteContractInput(@NotBlank String id, @NotNull Integer expectedVersion) {

	}

	record DeleteContractDocumentInput(@NotBlank String id) {

	}

	record CreateContractStageInput(@NotBlank String contractId, @NotBlank @Size(max = 200) String name,
			LocalDate deadline, @Min(value = 1, message = "must be at least 1") Integer position) {

	}

	record UpdateContractStageInput(@NotBlank String id, @NotNull Integer expectedVersion,
			@NotBlank @Size(max = 200) ArgumentValue<String> name, ArgumentValue<LocalDate> deadline,
			@NotNull @Min(value = 1, message = "must be at least 1") ArgumentValue<Integer> position) {

	}

	record CreateContractWorkInput(@NotBlank String stageId, @NotBlank @Size(max = 200) String name, LocalDate deadline,
			String ownerId, @Min(value = 1, message = "must be at least 1") Integer position) {

	}

	record UpdateContractWorkInput(@NotBlank String id, @NotNull Integer expectedVersion,
			@NotBlank @Size(max = 200) ArgumentValue<String> name, ArgumentValue<LocalDate> deadline,
			ArgumentValue<String> ownerId,
			@NotNull @Min(value = 1, message = "must be at least 1") ArgumentValue<Integer> position) {

	}

	record AcceptInput(@NotBlank String id, @NotNull Integer expectedVersion, @Size(max = 2000) String note) {

	}

	record ReopenInput(@NotBlank String id, @NotNull Integer expectedVersion) {

	}

	record DeleteInput(@NotBlank String id, @NotNull Integer expectedVersion) {

	}

	record CreateTaskInput(String workId, String parentId, @NotBlank @Size(max = 200) String name,
			@NotNull LocalDate startOn, LocalDate endOn,
			@Min(value = 1, message = "must be at least 1") @Max(3660) Integer durationDays, String assigneeId,
			BigDecimal plannedHours, BigDecimal spentHours, Integer progress) {

	}

	record UpdateTaskInput(@NotBlank String id, @NotNull Integer expectedVersion,
			@NotBlank @Size(max = 200) ArgumentValue<String> name, @NotNull ArgumentValue<LocalDate> startOn,
			@NotNull ArgumentValue<LocalDate> endOn,
			@NotNull @Min(value = 1, message = "must be at least 1") @Max(3660) ArgumentValue<Integer> durationDays,
			ArgumentValue<String> assigneeId, ArgumentValue<BigDecimal> plannedHours,
			ArgumentValue<BigDecimal> spentHours, @NotNull ArgumentValue<Integer> progress) {

	}

	record TaskDependencyInput(@NotBlank String predecessorId, @NotBlank String successorId) {

	}

	record ContractPayload(Contract contract, List<UserError> userErrors) {

	}

	record DeleteContractPayload(String deletedId, List<UserError> userErrors) {

	}

	record ContractStagePayload(ContractStage stage, List<UserError> userErrors) {

	}

	record ContractWorkPayload(ContractWork work, List<UserError> userErrors) {

	}

	/** A changed task and every task whose dates changed with it. */
	record TaskChange(Task task, List<Task> movedTasks) {

	}

	record TaskPayload(Task task, List<Task> movedTasks, List<UserError> userErrors) {

	}

	record DeleteContractPartPayload(String deletedId, List<UserError> userErrors) {

	}

}
