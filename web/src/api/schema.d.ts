// Generated from the server's OpenAPI document by `npx tsx scripts/gen-web-types.ts`. Do not edit:
// change the route schemas and run the script (test/web/api-schema.test.ts fails when this file drifts).

export interface ApiPaths {
  "/api/allocations": {
    post: {
      params: never;
      query: never;
      body: {
        invoiceId: number;
        paymentId?: number;
        creditNoteId?: number;
        /** minor units (分/cents) */
        amount: number;
        /** calendar date YYYY-MM-DD */
        effectiveOn?: string;
      };
      response: {
        id: number;
        invoiceId: number;
        invoiceNumber: string;
        customerId: number;
        currency: string;
        paymentId: number | null;
        creditNoteId: number | null;
        writeOffId: number | null;
        /** amount in the currency minor unit (分/cents) */
        amount: number;
        /** calendar date YYYY-MM-DD */
        effectiveOn: string;
        /** calendar date YYYY-MM-DD */
        reversedOn: string | null;
        method: string;
        /** amount in the currency minor unit (分/cents) */
        invoiceOpenAmount: number;
        /** amount in the currency minor unit (分/cents) */
        sourceUnappliedAmount: number | null;
      };
    };
  };
  "/api/allocations/{id}/reverse": {
    post: {
      params: {
        id: number;
      };
      query: never;
      body: {
        /** calendar date YYYY-MM-DD */
        reversedOn?: string;
      };
      response: {
        id: number;
        invoiceId: number;
        invoiceNumber: string;
        customerId: number;
        currency: string;
        paymentId: number | null;
        creditNoteId: number | null;
        writeOffId: number | null;
        /** amount in the currency minor unit (分/cents) */
        amount: number;
        /** calendar date YYYY-MM-DD */
        effectiveOn: string;
        /** calendar date YYYY-MM-DD */
        reversedOn: string | null;
        method: string;
        /** amount in the currency minor unit (分/cents) */
        invoiceOpenAmount: number;
        /** amount in the currency minor unit (分/cents) */
        sourceUnappliedAmount: number | null;
      };
    };
  };
  "/api/approvals": {
    get: {
      params: never;
      query: {
        scope?: "todo" | "mine" | "all";
        status?: "pending" | "approved" | "rejected" | "cancelled" | "expired";
        kind?: string;
        limit?: number;
      };
      body: never;
      response: {
        items: Array<{
          id: number;
          /** payment_plan, write_off, interest_waiver, credit_exception, … */
          kind: string;
          status: "pending" | "approved" | "rejected" | "cancelled" | "expired";
          entityId: number;
          entityCode: string;
          customerId: number;
          customerCode: string;
          customerName: string;
          subjectId: number | null;
          subjectLabel: string;
          /** minor units (分/cents) */
          amount: number;
          currency: string;
          reason: string;
          requestedBy: number | null;
          requesterName: string | null;
          /** ISO timestamp */
          requestedAt: string;
          requestedOn: string;
          expiresOn: string;
          resolvedAt: string | null;
          steps: Array<Array<string>>;
          currentStep: number | null;
          decisions: Array<{
            step: number;
            decision: "approved" | "rejected" | "cancelled";
            deciderId: number | null;
            deciderName: string | null;
            /** ISO timestamp */
            decidedAt: string;
            comment: string | null;
          }>;
          /** the caller may approve or reject the current step */
          canDecide: boolean;
          /** the caller requested it and it is still pending */
          canCancel: boolean;
        }>;
        /** matching requests; items holds at most `limit` of them */
        total: number;
      };
    };
  };
  "/api/approvals/count": {
    get: {
      params: never;
      query: never;
      body: never;
      response: {
        /** pending requests the caller may decide now */
        toDecide: number;
        /** the caller’s own requests still pending */
        mine: number;
      };
    };
  };
  "/api/approvals/rules": {
    get: {
      params: never;
      query: {
        entityId?: number;
      };
      body: never;
      response: Array<{
        kind: string;
        entityId: number | null;
        source: "entity" | "company" | "default";
        rule: {
          authority: {
            [key: string]: number;
          };
          levels: Array<{
            upTo: number | null;
            roles: Array<string>;
          }>;
          twoStepAbove: number | null;
          expiresAfterDays: number;
        };
      }>;
    };
  };
  "/api/approvals/rules/{kind}": {
    put: {
      params: {
        kind: string;
      };
      query: never;
      body: {
        entityId: number | null;
        rule: {
          authority: {
            [key: string]: number;
          };
          levels: Array<{
            upTo: number | null;
            roles: Array<string>;
          }>;
          twoStepAbove: number | null;
          expiresAfterDays: number;
        };
      };
      response: {
        kind: string;
        entityId: number | null;
        source: "entity" | "company" | "default";
        rule: {
          authority: {
            [key: string]: number;
          };
          levels: Array<{
            upTo: number | null;
            roles: Array<string>;
          }>;
          twoStepAbove: number | null;
          expiresAfterDays: number;
        };
      };
    };
  };
  "/api/approvals/{id}": {
    get: {
      params: {
        id: number;
      };
      query: never;
      body: never;
      response: {
        id: number;
        /** payment_plan, write_off, interest_waiver, credit_exception, … */
        kind: string;
        status: "pending" | "approved" | "rejected" | "cancelled" | "expired";
        entityId: number;
        entityCode: string;
        customerId: number;
        customerCode: string;
        customerName: string;
        subjectId: number | null;
        subjectLabel: string;
        /** minor units (分/cents) */
        amount: number;
        currency: string;
        reason: string;
        requestedBy: number | null;
        requesterName: string | null;
        /** ISO timestamp */
        requestedAt: string;
        requestedOn: string;
        expiresOn: string;
        resolvedAt: string | null;
        steps: Array<Array<string>>;
        currentStep: number | null;
        decisions: Array<{
          step: number;
          decision: "approved" | "rejected" | "cancelled";
          deciderId: number | null;
          deciderName: string | null;
          /** ISO timestamp */
          decidedAt: string;
          comment: string | null;
        }>;
        /** the caller may approve or reject the current step */
        canDecide: boolean;
        /** the caller requested it and it is still pending */
        canCancel: boolean;
      };
    };
  };
  "/api/approvals/{id}/approve": {
    post: {
      params: {
        id: number;
      };
      query: never;
      body: {
        comment?: string | null;
      };
      response: {
        id: number;
        /** payment_plan, write_off, interest_waiver, credit_exception, … */
        kind: string;
        status: "pending" | "approved" | "rejected" | "cancelled" | "expired";
        entityId: number;
        entityCode: string;
        customerId: number;
        customerCode: string;
        customerName: string;
        subjectId: number | null;
        subjectLabel: string;
        /** minor units (分/cents) */
        amount: number;
        currency: string;
        reason: string;
        requestedBy: number | null;
        requesterName: string | null;
        /** ISO timestamp */
        requestedAt: string;
        requestedOn: string;
        expiresOn: string;
        resolvedAt: string | null;
        steps: Array<Array<string>>;
        currentStep: number | null;
        decisions: Array<{
          step: number;
          decision: "approved" | "rejected" | "cancelled";
          deciderId: number | null;
          deciderName: string | null;
          /** ISO timestamp */
          decidedAt: string;
          comment: string | null;
        }>;
        /** the caller may approve or reject the current step */
        canDecide: boolean;
        /** the caller requested it and it is still pending */
        canCancel: boolean;
      };
    };
  };
  "/api/approvals/{id}/cancel": {
    post: {
      params: {
        id: number;
      };
      query: never;
      body: {
        comment?: string | null;
      };
      response: {
        id: number;
        /** payment_plan, write_off, interest_waiver, credit_exception, … */
        kind: string;
        status: "pending" | "approved" | "rejected" | "cancelled" | "expired";
        entityId: number;
        entityCode: string;
        customerId: number;
        customerCode: string;
        customerName: string;
        subjectId: number | null;
        subjectLabel: string;
        /** minor units (分/cents) */
        amount: number;
        currency: string;
        reason: string;
        requestedBy: number | null;
        requesterName: string | null;
        /** ISO timestamp */
        requestedAt: string;
        requestedOn: string;
        expiresOn: string;
        resolvedAt: string | null;
        steps: Array<Array<string>>;
        currentStep: number | null;
        decisions: Array<{
          step: number;
          decision: "approved" | "rejected" | "cancelled";
          deciderId: number | null;
          deciderName: string | null;
          /** ISO timestamp */
          decidedAt: string;
          comment: string | null;
        }>;
        /** the caller may approve or reject the current step */
        canDecide: boolean;
        /** the caller requested it and it is still pending */
        canCancel: boolean;
      };
    };
  };
  "/api/approvals/{id}/reject": {
    post: {
      params: {
        id: number;
      };
      query: never;
      body: {
        comment?: string | null;
      };
      response: {
        id: number;
        /** payment_plan, write_off, interest_waiver, credit_exception, … */
        kind: string;
        status: "pending" | "approved" | "rejected" | "cancelled" | "expired";
        entityId: number;
        entityCode: string;
        customerId: number;
        customerCode: string;
        customerName: string;
        subjectId: number | null;
        subjectLabel: string;
        /** minor units (分/cents) */
        amount: number;
        currency: string;
        reason: string;
        requestedBy: number | null;
        requesterName: string | null;
        /** ISO timestamp */
        requestedAt: string;
        requestedOn: string;
        expiresOn: string;
        resolvedAt: string | null;
        steps: Array<Array<string>>;
        currentStep: number | null;
        decisions: Array<{
          step: number;
          decision: "approved" | "rejected" | "cancelled";
          deciderId: number | null;
          deciderName: string | null;
          /** ISO timestamp */
          decidedAt: string;
          comment: string | null;
        }>;
        /** the caller may approve or reject the current step */
        canDecide: boolean;
        /** the caller requested it and it is still pending */
        canCancel: boolean;
      };
    };
  };
  "/api/audit": {
    get: {
      params: never;
      query: {
        from?: string;
        to?: string;
        table?: string;
        op?: string;
        actorUserId?: number;
        actor?: string;
        rowId?: string;
        q?: string;
        limit?: number;
        cursor?: string;
      };
      body: never;
      response: {
        items: Array<{
          id: number;
          at: string;
          actorUserId: number | null;
          actorName: string;
          table: string;
          op: string;
          rowKey: unknown;
          before: unknown;
          after: unknown;
          rowCount: number;
          rowsDigest: string | null;
          prevHash: string;
          hash: string;
        }>;
        nextCursor: string | null;
      };
    };
  };
  "/api/audit/export": {
    get: {
      params: never;
      query: {
        from?: string;
        to?: string;
        table?: string;
        op?: string;
        actorUserId?: number;
        actor?: string;
        rowId?: string;
        q?: string;
        format?: "csv" | "json";
      };
      body: never;
      response: never;
    };
  };
  "/api/audit/verify": {
    get: {
      params: never;
      query: never;
      body: never;
      response: {
        ok: boolean;
        checked: number;
        lastId: number;
        lastHash: string;
        headId: number;
        firstBroken: {
          id: number;
          reason: string;
        } | null;
      };
    };
  };
  "/api/auth/login": {
    post: {
      params: never;
      query: never;
      body: {
        username: string;
        password: string;
      };
      response: {
        user: {
          id: number;
          username: string;
          displayName: string;
          email: string | null;
          disabled: boolean;
          hasPassword: boolean;
          roles: Array<{
            role: string;
            entityId: number | null;
            entityCode: string | null;
          }>;
          lastLoginAt: string | null;
          lockedUntil: string | null;
          createdAt: string;
        };
        rights: Array<string>;
        customerScope: "all" | "assigned";
        entityIds: Array<number> | null;
        csrfToken: string | null;
        authenticatedBy: "session" | "token";
      };
    };
  };
  "/api/auth/logout": {
    post: {
      params: never;
      query: never;
      body: never;
      response: never;
    };
  };
  "/api/auth/me": {
    get: {
      params: never;
      query: never;
      body: never;
      response: {
        user: {
          id: number;
          username: string;
          displayName: string;
          email: string | null;
          disabled: boolean;
          hasPassword: boolean;
          roles: Array<{
            role: string;
            entityId: number | null;
            entityCode: string | null;
          }>;
          lastLoginAt: string | null;
          lockedUntil: string | null;
          createdAt: string;
        };
        rights: Array<string>;
        customerScope: "all" | "assigned";
        entityIds: Array<number> | null;
        csrfToken: string | null;
        authenticatedBy: "session" | "token";
      };
    };
  };
  "/api/auth/password": {
    post: {
      params: never;
      query: never;
      body: {
        currentPassword: string;
        newPassword: string;
      };
      response: {
        /** Other sessions of the user, ended */
        endedSessions: number;
        /** API tokens of the user, revoked */
        revokedTokens: number;
      };
    };
  };
  "/api/auth/roles": {
    get: {
      params: never;
      query: never;
      body: never;
      response: {
        items: Array<{
          role: string;
          label: string;
          rights: Array<string>;
        }>;
      };
    };
  };
  "/api/collections/cases": {
    get: {
      params: never;
      query: {
        limit?: number;
        cursor?: string;
        status?: string;
        stage?: "reminder" | "early" | "strong";
        collectorId?: number;
        customerId?: number;
        entityId?: number;
        q?: string;
        dueBy?: string;
        open?: boolean;
        sort?: string;
      };
      body: never;
      response: {
        items: Array<{
          id: number;
          customer: {
            id: number;
            code: string;
            name: string;
          };
          entity: {
            id: number;
            code: string;
            name: string;
          };
          stage: string;
          stageSince: string;
          status: string;
          manualStatus: string | null;
          pausedUntil: string | null;
          collector: {
            id: number;
            displayName: string;
          } | null;
          strategy: {
            name: string;
            version: number;
          } | null;
          daysPastDue: number | null;
          anchorDueOn: string | null;
          totals: Array<{
            currency: string;
            open: number;
            overdue: number;
            dueSoon: number;
            disputed: number;
          }>;
          /** open undisputed amount converted to CNY (分); null: unknown, see missingRates */
          amountCny: number | null;
          missingRates: Array<string>;
          nextActionOn: string | null;
          nextStepKey: string | null;
          openedOn: string;
          closedOn: string | null;
          evaluatedOn: string | null;
        }>;
        nextCursor: string | null;
      };
    };
  };
  "/api/collections/cases/{id}": {
    get: {
      params: {
        id: number;
      };
      query: never;
      body: never;
      response: {
        id: number;
        customer: {
          id: number;
          code: string;
          name: string;
        };
        entity: {
          id: number;
          code: string;
          name: string;
        };
        stage: string;
        stageSince: string;
        status: string;
        manualStatus: string | null;
        pausedUntil: string | null;
        collector: {
          id: number;
          displayName: string;
        } | null;
        strategy: {
          name: string;
          version: number;
        } | null;
        daysPastDue: number | null;
        anchorDueOn: string | null;
        totals: Array<{
          currency: string;
          open: number;
          overdue: number;
          dueSoon: number;
          disputed: number;
        }>;
        /** open undisputed amount converted to CNY (分); null: unknown, see missingRates */
        amountCny: number | null;
        missingRates: Array<string>;
        nextActionOn: string | null;
        nextStepKey: string | null;
        openedOn: string;
        closedOn: string | null;
        evaluatedOn: string | null;
      } & {
        /** the one basis of the case's and its invoices' days past due here: today, from the open invoices shown (the case counts from its oldest undisputed one) */
        daysPastDueAsOf: string;
        invoices: Array<{
          id: number;
          number: string;
          issueDate: string;
          dueDate: string;
          currency: string;
          amount: number;
          openAmount: number;
          daysPastDue: number;
          disputed: boolean;
        }>;
        firings: Array<{
          id: number;
          firedOn: string;
          stepKey: string;
          occurrenceKey: string;
          stage: string;
          action: string;
          outcome: string;
          detail: string | null;
          /** message code of the detail (src/shared/messages), null for plain text */
          detailCode: string | null;
          detailParams: {
            [key: string]: string | number | {
              messageCode: string;
              params?: {
                [key: string]: unknown;
              };
            };
          } | null;
          outboxId: number | null;
          taskId: number | null;
          strategy: string;
        }>;
        messages: Array<{
          id: number;
          caseId: number;
          customerId: number;
          channel: string;
          templateKey: string;
          locale: string;
          recipients: Array<{
            contactId: number | null;
            name: string;
            address: string;
            language: string | null;
          }>;
          subject: string | null;
          body: string;
          status: string;
          scheduledOn: string;
          steps: Array<string>;
          /** why it was cancelled before sending (or why sending failed) */
          error: string | null;
          /** message code of the error (src/shared/messages), null for plain text */
          errorCode: string | null;
          errorParams: {
            [key: string]: string | number | {
              messageCode: string;
              params?: {
                [key: string]: unknown;
              };
            };
          } | null;
          /** SHA-256 of subject, body and recipients; fixed once the message left the queue */
          contentHash: string | null;
        }>;
        tasks: Array<{
          id: number;
          caseId: number;
          customer: {
            id: number;
            code: string;
            name: string;
          };
          type: string;
          title: string;
          instructions: string | null;
          dueOn: string;
          assignee: {
            id: number;
            displayName: string;
          } | null;
          assigneeRole: string;
          status: string;
          stepKey: string | null;
          completedOn: string | null;
          outcome: string | null;
          /** why the engine cancelled it: 'case_closed', 'invoices_paid' or 'invoices_disputed' */
          cancelReason: string | null;
        }>;
        promises: Array<{
          id: number;
          caseId: number;
          currency: string;
          amount: number;
          promisedOn: string;
          dueOn: string;
          status: string;
          paidAmount: number;
          resolvedOn: string | null;
          note: string | null;
        }>;
        plans: Array<{
          id: number;
          caseId: number;
          currency: string;
          createdOn: string;
          /** pending (awaiting approval), active, completed, defaulted, cancelled, rejected */
          status: string;
          approvalId?: number | null;
          installments: Array<{
            seq: number;
            dueOn: string;
            amount: number;
            status: string;
            resolvedOn: string | null;
          }>;
        }>;
        creditHold: {
          id: number;
          placedOn: string;
          reason: string;
        } | null;
        upcoming: Array<{
          date: string;
          stepKey: string;
          label: string;
          action: string;
          channel: string;
          stage: string;
        }>;
        /** late interest (违约金) under the contract terms, as of today; null when not available */
        lateInterest: {
          asOf: string;
          totals: Array<{
            currency: string;
            interest: number;
          }>;
          invoices: Array<{
            invoiceId: number;
            interest: number;
            days: number;
            accruesFrom: string | null;
          }>;
        } | null;
      };
    };
    patch: {
      params: {
        id: number;
      };
      query: never;
      body: {
        manualStatus?: "paused" | "legal" | "agency" | null | null;
        /** calendar date YYYY-MM-DD */
        pausedUntil?: string | null;
        collectorId?: number | null;
      };
      response: {
        id: number;
        customer: {
          id: number;
          code: string;
          name: string;
        };
        entity: {
          id: number;
          code: string;
          name: string;
        };
        stage: string;
        stageSince: string;
        status: string;
        manualStatus: string | null;
        pausedUntil: string | null;
        collector: {
          id: number;
          displayName: string;
        } | null;
        strategy: {
          name: string;
          version: number;
        } | null;
        daysPastDue: number | null;
        anchorDueOn: string | null;
        totals: Array<{
          currency: string;
          open: number;
          overdue: number;
          dueSoon: number;
          disputed: number;
        }>;
        /** open undisputed amount converted to CNY (分); null: unknown, see missingRates */
        amountCny: number | null;
        missingRates: Array<string>;
        nextActionOn: string | null;
        nextStepKey: string | null;
        openedOn: string;
        closedOn: string | null;
        evaluatedOn: string | null;
      } & {
        /** the one basis of the case's and its invoices' days past due here: today, from the open invoices shown (the case counts from its oldest undisputed one) */
        daysPastDueAsOf: string;
        invoices: Array<{
          id: number;
          number: string;
          issueDate: string;
          dueDate: string;
          currency: string;
          amount: number;
          openAmount: number;
          daysPastDue: number;
          disputed: boolean;
        }>;
        firings: Array<{
          id: number;
          firedOn: string;
          stepKey: string;
          occurrenceKey: string;
          stage: string;
          action: string;
          outcome: string;
          detail: string | null;
          /** message code of the detail (src/shared/messages), null for plain text */
          detailCode: string | null;
          detailParams: {
            [key: string]: string | number | {
              messageCode: string;
              params?: {
                [key: string]: unknown;
              };
            };
          } | null;
          outboxId: number | null;
          taskId: number | null;
          strategy: string;
        }>;
        messages: Array<{
          id: number;
          caseId: number;
          customerId: number;
          channel: string;
          templateKey: string;
          locale: string;
          recipients: Array<{
            contactId: number | null;
            name: string;
            address: string;
            language: string | null;
          }>;
          subject: string | null;
          body: string;
          status: string;
          scheduledOn: string;
          steps: Array<string>;
          /** why it was cancelled before sending (or why sending failed) */
          error: string | null;
          /** message code of the error (src/shared/messages), null for plain text */
          errorCode: string | null;
          errorParams: {
            [key: string]: string | number | {
              messageCode: string;
              params?: {
                [key: string]: unknown;
              };
            };
          } | null;
          /** SHA-256 of subject, body and recipients; fixed once the message left the queue */
          contentHash: string | null;
        }>;
        tasks: Array<{
          id: number;
          caseId: number;
          customer: {
            id: number;
            code: string;
            name: string;
          };
          type: string;
          title: string;
          instructions: string | null;
          dueOn: string;
          assignee: {
            id: number;
            displayName: string;
          } | null;
          assigneeRole: string;
          status: string;
          stepKey: string | null;
          completedOn: string | null;
          outcome: string | null;
          /** why the engine cancelled it: 'case_closed', 'invoices_paid' or 'invoices_disputed' */
          cancelReason: string | null;
        }>;
        promises: Array<{
          id: number;
          caseId: number;
          currency: string;
          amount: number;
          promisedOn: string;
          dueOn: string;
          status: string;
          paidAmount: number;
          resolvedOn: string | null;
          note: string | null;
        }>;
        plans: Array<{
          id: number;
          caseId: number;
          currency: string;
          createdOn: string;
          /** pending (awaiting approval), active, completed, defaulted, cancelled, rejected */
          status: string;
          approvalId?: number | null;
          installments: Array<{
            seq: number;
            dueOn: string;
            amount: number;
            status: string;
            resolvedOn: string | null;
          }>;
        }>;
        creditHold: {
          id: number;
          placedOn: string;
          reason: string;
        } | null;
        upcoming: Array<{
          date: string;
          stepKey: string;
          label: string;
          action: string;
          channel: string;
          stage: string;
        }>;
        /** late interest (违约金) under the contract terms, as of today; null when not available */
        lateInterest: {
          asOf: string;
          totals: Array<{
            currency: string;
            interest: number;
          }>;
          invoices: Array<{
            invoiceId: number;
            interest: number;
            days: number;
            accruesFrom: string | null;
          }>;
        } | null;
      };
    };
  };
  "/api/collections/cases/{id}/plans": {
    post: {
      params: {
        id: number;
      };
      query: never;
      body: {
        currency: string;
        installments: Array<{
          /** calendar date YYYY-MM-DD */
          dueOn: string;
          amount: number;
        }>;
        note?: string | null;
      };
      response: {
        id: number;
        caseId: number;
        currency: string;
        createdOn: string;
        /** pending (awaiting approval), active, completed, defaulted, cancelled, rejected */
        status: string;
        approvalId?: number | null;
        installments: Array<{
          seq: number;
          dueOn: string;
          amount: number;
          status: string;
          resolvedOn: string | null;
        }>;
      };
    };
  };
  "/api/collections/cases/{id}/promises": {
    post: {
      params: {
        id: number;
      };
      query: never;
      body: {
        amount: number;
        currency: string;
        /** calendar date YYYY-MM-DD */
        dueOn: string;
        note?: string | null;
      };
      response: {
        id: number;
        caseId: number;
        currency: string;
        amount: number;
        promisedOn: string;
        dueOn: string;
        status: string;
        paidAmount: number;
        resolvedOn: string | null;
        note: string | null;
      };
    };
  };
  "/api/collections/customers/{id}/strategy": {
    put: {
      params: {
        id: number;
      };
      query: never;
      body: {
        strategyName: string | null;
        reason?: string | null;
      };
      response: {
        customerId: number;
        strategyName: string | null;
        reason: string | null;
      };
    };
  };
  "/api/collections/disputes": {
    get: {
      params: never;
      query: {
        invoiceId?: number;
        customerId?: number;
        open?: boolean;
      };
      body: never;
      response: Array<{
        id: number;
        invoiceId: number;
        invoiceNumber: string;
        customerId: number;
        entityId: number;
        /** disputed amount, minor units */
        amount: number;
        currency: string;
        reasonCode: "price" | "quantity" | "quality" | "not_delivered" | "duplicate" | "already_paid" | "other";
        note: string | null;
        ownerDepartment: string | null;
        ownerUserId: number | null;
        ownerName: string | null;
        dueOn: string | null;
        status: "open" | "in_review" | "resolved";
        resolutionCode: "credit_note" | "rejected" | "partly" | "other" | null | null;
        resolutionNote: string | null;
        creditNoteId: number | null;
        raisedOn: string;
        raisedBy: number | null;
        resolvedOn: string | null;
        ageDays: number;
        /** still open after its due date */
        overdue: boolean;
      }>;
    };
    post: {
      params: never;
      query: never;
      body: {
        invoiceId: number;
        /** default: the invoice’s open amount */
        amount?: number;
        reasonCode: "price" | "quantity" | "quality" | "not_delivered" | "duplicate" | "already_paid" | "other";
        note?: string | null;
        ownerDepartment?: string | null;
        ownerUserId?: number | null;
        /** calendar date YYYY-MM-DD */
        dueOn?: string | null;
      };
      response: {
        id: number;
        invoiceId: number;
        invoiceNumber: string;
        customerId: number;
        entityId: number;
        /** disputed amount, minor units */
        amount: number;
        currency: string;
        reasonCode: "price" | "quantity" | "quality" | "not_delivered" | "duplicate" | "already_paid" | "other";
        note: string | null;
        ownerDepartment: string | null;
        ownerUserId: number | null;
        ownerName: string | null;
        dueOn: string | null;
        status: "open" | "in_review" | "resolved";
        resolutionCode: "credit_note" | "rejected" | "partly" | "other" | null | null;
        resolutionNote: string | null;
        creditNoteId: number | null;
        raisedOn: string;
        raisedBy: number | null;
        resolvedOn: string | null;
        ageDays: number;
        /** still open after its due date */
        overdue: boolean;
      };
    };
  };
  "/api/collections/disputes/{id}": {
    get: {
      params: {
        id: number;
      };
      query: never;
      body: never;
      response: {
        id: number;
        invoiceId: number;
        invoiceNumber: string;
        customerId: number;
        entityId: number;
        /** disputed amount, minor units */
        amount: number;
        currency: string;
        reasonCode: "price" | "quantity" | "quality" | "not_delivered" | "duplicate" | "already_paid" | "other";
        note: string | null;
        ownerDepartment: string | null;
        ownerUserId: number | null;
        ownerName: string | null;
        dueOn: string | null;
        status: "open" | "in_review" | "resolved";
        resolutionCode: "credit_note" | "rejected" | "partly" | "other" | null | null;
        resolutionNote: string | null;
        creditNoteId: number | null;
        raisedOn: string;
        raisedBy: number | null;
        resolvedOn: string | null;
        ageDays: number;
        /** still open after its due date */
        overdue: boolean;
      };
    };
    patch: {
      params: {
        id: number;
      };
      query: never;
      body: {
        status?: "open" | "in_review" | "resolved";
        resolutionCode?: "credit_note" | "rejected" | "partly" | "other";
        resolutionNote?: string | null;
        creditNoteId?: number | null;
        ownerDepartment?: string | null;
        ownerUserId?: number | null;
        /** calendar date YYYY-MM-DD */
        dueOn?: string | null;
      };
      response: {
        id: number;
        invoiceId: number;
        invoiceNumber: string;
        customerId: number;
        entityId: number;
        /** disputed amount, minor units */
        amount: number;
        currency: string;
        reasonCode: "price" | "quantity" | "quality" | "not_delivered" | "duplicate" | "already_paid" | "other";
        note: string | null;
        ownerDepartment: string | null;
        ownerUserId: number | null;
        ownerName: string | null;
        dueOn: string | null;
        status: "open" | "in_review" | "resolved";
        resolutionCode: "credit_note" | "rejected" | "partly" | "other" | null | null;
        resolutionNote: string | null;
        creditNoteId: number | null;
        raisedOn: string;
        raisedBy: number | null;
        resolvedOn: string | null;
        ageDays: number;
        /** still open after its due date */
        overdue: boolean;
      };
    };
  };
  "/api/collections/engine/run": {
    post: {
      params: never;
      query: never;
      body: {
        /** calendar date YYYY-MM-DD */
        asOf?: string;
        customerIds?: Array<number>;
      };
      response: {
        runId: number;
        asOf: string;
        kind: string;
        casesOpened: number;
        casesClosed: number;
        casesEvaluated: number;
        stepsFired: number;
        messages: number;
        tasks: number;
        durationMs: number;
      };
    };
  };
  "/api/collections/engine/runs": {
    get: {
      params: never;
      query: {
        limit?: number;
        cursor?: string;
        status?: "running" | "done" | "failed";
      };
      body: never;
      response: {
        items: Array<{
          id: number;
          kind: string;
          asOf: string;
          status: "running" | "done" | "failed";
          startedAt: string;
          finishedAt: string | null;
          casesOpened: number;
          casesClosed: number;
          casesEvaluated: number;
          stepsFired: number;
          messages: number;
          tasks: number;
          error: string | null;
        }>;
        nextCursor: string | null;
      };
    };
  };
  "/api/collections/outbox": {
    get: {
      params: never;
      query: {
        limit?: number;
        cursor?: string;
        caseId?: number;
        customerId?: number;
        status?: string;
        channel?: string;
      };
      body: never;
      response: {
        items: Array<{
          id: number;
          caseId: number;
          customerId: number;
          channel: string;
          templateKey: string;
          locale: string;
          recipients: Array<{
            contactId: number | null;
            name: string;
            address: string;
            language: string | null;
          }>;
          subject: string | null;
          body: string;
          status: string;
          scheduledOn: string;
          steps: Array<string>;
          /** why it was cancelled before sending (or why sending failed) */
          error: string | null;
          /** message code of the error (src/shared/messages), null for plain text */
          errorCode: string | null;
          errorParams: {
            [key: string]: string | number | {
              messageCode: string;
              params?: {
                [key: string]: unknown;
              };
            };
          } | null;
          /** SHA-256 of subject, body and recipients; fixed once the message left the queue */
          contentHash: string | null;
        }>;
        nextCursor: string | null;
      };
    };
  };
  "/api/collections/simulations": {
    get: {
      params: never;
      query: never;
      body: never;
      response: {
        items: Array<{
          id: number;
          /** queued | running | done | failed */
          status: string;
          params: {
            /** calendar date YYYY-MM-DD */
            from: string;
            days: number;
            strategies: Array<string>;
            seed?: number;
            maxCustomers?: number;
            reportCurrency?: string;
          };
          result: {
            /** calendar date YYYY-MM-DD */
            from: string;
            /** calendar date YYYY-MM-DD */
            to: string;
            days: number;
            seed: number;
            customers: number;
            invoices: number;
            sampled: boolean;
            reportCurrency: string;
            /** pairs such as USD/CNY with no rate */
            missingRates: Array<string>;
            strategies: Array<{
              name: string;
              label: string;
              version: number | null;
              /** minor units of the report currency; null when it needs a rate the store does not have */
              collected: number | null;
              collectedByCurrency: Array<{
                currency: string;
                amount: number;
              }>;
              /** minor units of the report currency; null when it needs a rate the store does not have */
              overdueStart: number | null;
              /** minor units of the report currency; null when it needs a rate the store does not have */
              overdueEnd: number | null;
              /** minor units of the report currency; null when it needs a rate the store does not have */
              openEnd: number | null;
              /** days; null without credit sales */
              dso: number | null;
              messages: {
                email: number;
                sms: number;
                letter: number;
                total: number;
              };
              /** tasks by type, and total */
              tasks: {
                [key: string]: number;
              };
              promises: {
                made: number;
                kept: number;
                broken: number;
              };
              stepsFired: number;
              daily: Array<{
                /** calendar date YYYY-MM-DD */
                date: string;
                /** minor units of the report currency; null when it needs a rate the store does not have */
                collected: number | null;
                /** minor units of the report currency; null when it needs a rate the store does not have */
                overdue: number | null;
              }>;
              durationMs: number;
            }>;
          } | null;
          error: string | null;
          createdAt: string;
          finishedAt: string | null;
        }>;
      };
    };
    post: {
      params: never;
      query: never;
      body: {
        /** calendar date YYYY-MM-DD */
        from: string;
        days: number;
        strategies: Array<string>;
        seed?: number;
        maxCustomers?: number;
        reportCurrency?: string;
      };
      response: {
        id: number;
        /** queued | running | done | failed */
        status: string;
        params: {
          /** calendar date YYYY-MM-DD */
          from: string;
          days: number;
          strategies: Array<string>;
          seed?: number;
          maxCustomers?: number;
          reportCurrency?: string;
        };
        result: {
          /** calendar date YYYY-MM-DD */
          from: string;
          /** calendar date YYYY-MM-DD */
          to: string;
          days: number;
          seed: number;
          customers: number;
          invoices: number;
          sampled: boolean;
          reportCurrency: string;
          /** pairs such as USD/CNY with no rate */
          missingRates: Array<string>;
          strategies: Array<{
            name: string;
            label: string;
            version: number | null;
            /** minor units of the report currency; null when it needs a rate the store does not have */
            collected: number | null;
            collectedByCurrency: Array<{
              currency: string;
              amount: number;
            }>;
            /** minor units of the report currency; null when it needs a rate the store does not have */
            overdueStart: number | null;
            /** minor units of the report currency; null when it needs a rate the store does not have */
            overdueEnd: number | null;
            /** minor units of the report currency; null when it needs a rate the store does not have */
            openEnd: number | null;
            /** days; null without credit sales */
            dso: number | null;
            messages: {
              email: number;
              sms: number;
              letter: number;
              total: number;
            };
            /** tasks by type, and total */
            tasks: {
              [key: string]: number;
            };
            promises: {
              made: number;
              kept: number;
              broken: number;
            };
            stepsFired: number;
            daily: Array<{
              /** calendar date YYYY-MM-DD */
              date: string;
              /** minor units of the report currency; null when it needs a rate the store does not have */
              collected: number | null;
              /** minor units of the report currency; null when it needs a rate the store does not have */
              overdue: number | null;
            }>;
            durationMs: number;
          }>;
        } | null;
        error: string | null;
        createdAt: string;
        finishedAt: string | null;
      };
    };
  };
  "/api/collections/simulations/{id}": {
    get: {
      params: {
        id: number;
      };
      query: never;
      body: never;
      response: {
        id: number;
        /** queued | running | done | failed */
        status: string;
        params: {
          /** calendar date YYYY-MM-DD */
          from: string;
          days: number;
          strategies: Array<string>;
          seed?: number;
          maxCustomers?: number;
          reportCurrency?: string;
        };
        result: {
          /** calendar date YYYY-MM-DD */
          from: string;
          /** calendar date YYYY-MM-DD */
          to: string;
          days: number;
          seed: number;
          customers: number;
          invoices: number;
          sampled: boolean;
          reportCurrency: string;
          /** pairs such as USD/CNY with no rate */
          missingRates: Array<string>;
          strategies: Array<{
            name: string;
            label: string;
            version: number | null;
            /** minor units of the report currency; null when it needs a rate the store does not have */
            collected: number | null;
            collectedByCurrency: Array<{
              currency: string;
              amount: number;
            }>;
            /** minor units of the report currency; null when it needs a rate the store does not have */
            overdueStart: number | null;
            /** minor units of the report currency; null when it needs a rate the store does not have */
            overdueEnd: number | null;
            /** minor units of the report currency; null when it needs a rate the store does not have */
            openEnd: number | null;
            /** days; null without credit sales */
            dso: number | null;
            messages: {
              email: number;
              sms: number;
              letter: number;
              total: number;
            };
            /** tasks by type, and total */
            tasks: {
              [key: string]: number;
            };
            promises: {
              made: number;
              kept: number;
              broken: number;
            };
            stepsFired: number;
            daily: Array<{
              /** calendar date YYYY-MM-DD */
              date: string;
              /** minor units of the report currency; null when it needs a rate the store does not have */
              collected: number | null;
              /** minor units of the report currency; null when it needs a rate the store does not have */
              overdue: number | null;
            }>;
            durationMs: number;
          }>;
        } | null;
        error: string | null;
        createdAt: string;
        finishedAt: string | null;
      };
    };
  };
  "/api/collections/strategies": {
    get: {
      params: never;
      query: never;
      body: never;
      response: {
        items: Array<{
          id: number;
          name: string;
          version: number;
          label: string;
          locale: string;
          active: boolean;
          stepCount: number;
          createdAt: string;
        }>;
      };
    };
    post: {
      params: never;
      query: never;
      body: {
        definition: {
          name: string;
          label: string;
          description?: string | null;
          locale: "zh-CN" | "en";
          stages: {
            early: {
              fromDay: number;
            };
            strong: {
              fromDay: number;
            };
          };
          settings: {
            catchUpDays: number;
            promiseGraceDays: number;
            installmentGraceDays: number;
          };
          steps: Array<{
            key: string;
            stage: "reminder" | "early" | "strong" | "any";
            label: string;
            trigger: {
              type: "daysFromDue";
              days: number;
              repeatEveryDays?: number;
              maxRepeats?: number;
            } | {
              type: "daysInStage";
              days: number;
              repeatEveryDays?: number;
              maxRepeats?: number;
            } | {
              type: "brokenPromise";
            } | {
              type: "missedInstallment";
            } | {
              type: "amountAbove";
              currency: string;
              amount: number;
            } | {
              type: "grade";
              grades: Array<string>;
            };
            conditions?: {
              minAmount?: number;
              maxAmount?: number;
              currency?: string;
              grades?: Array<string>;
            };
            action: "email" | "sms" | "letter" | "statement" | "call" | "visit" | "escalate" | "credit_hold" | "legal_review" | "agency_referral";
            channel: "email" | "sms" | "letter" | "phone" | "visit" | "internal";
            template: string;
            raiseStage?: "early" | "strong";
            setStatus?: "legal" | "agency";
          }>;
        };
        activate?: boolean;
      };
      response: {
        id: number;
        name: string;
        version: number;
        active: boolean;
        label: string;
        description?: string | null;
        locale: "zh-CN" | "en";
        stages: {
          early: {
            fromDay: number;
          };
          strong: {
            fromDay: number;
          };
        };
        settings: {
          catchUpDays: number;
          promiseGraceDays: number;
          installmentGraceDays: number;
        };
        steps: Array<{
          key: string;
          stage: "reminder" | "early" | "strong" | "any";
          label: string;
          trigger: {
            type: "daysFromDue";
            days: number;
            repeatEveryDays?: number;
            maxRepeats?: number;
          } | {
            type: "daysInStage";
            days: number;
            repeatEveryDays?: number;
            maxRepeats?: number;
          } | {
            type: "brokenPromise";
          } | {
            type: "missedInstallment";
          } | {
            type: "amountAbove";
            currency: string;
            amount: number;
          } | {
            type: "grade";
            grades: Array<string>;
          };
          conditions?: {
            minAmount?: number;
            maxAmount?: number;
            currency?: string;
            grades?: Array<string>;
          };
          action: "email" | "sms" | "letter" | "statement" | "call" | "visit" | "escalate" | "credit_hold" | "legal_review" | "agency_referral";
          channel: "email" | "sms" | "letter" | "phone" | "visit" | "internal";
          template: string;
          raiseStage?: "early" | "strong";
          setStatus?: "legal" | "agency";
        }>;
      };
    };
  };
  "/api/collections/strategies/preview": {
    post: {
      params: never;
      query: never;
      body: {
        strategy: {
          name: string;
          label: string;
          description?: string | null;
          locale: "zh-CN" | "en";
          stages: {
            early: {
              fromDay: number;
            };
            strong: {
              fromDay: number;
            };
          };
          settings: {
            catchUpDays: number;
            promiseGraceDays: number;
            installmentGraceDays: number;
          };
          steps: Array<{
            key: string;
            stage: "reminder" | "early" | "strong" | "any";
            label: string;
            trigger: {
              type: "daysFromDue";
              days: number;
              repeatEveryDays?: number;
              maxRepeats?: number;
            } | {
              type: "daysInStage";
              days: number;
              repeatEveryDays?: number;
              maxRepeats?: number;
            } | {
              type: "brokenPromise";
            } | {
              type: "missedInstallment";
            } | {
              type: "amountAbove";
              currency: string;
              amount: number;
            } | {
              type: "grade";
              grades: Array<string>;
            };
            conditions?: {
              minAmount?: number;
              maxAmount?: number;
              currency?: string;
              grades?: Array<string>;
            };
            action: "email" | "sms" | "letter" | "statement" | "call" | "visit" | "escalate" | "credit_hold" | "legal_review" | "agency_referral";
            channel: "email" | "sms" | "letter" | "phone" | "visit" | "internal";
            template: string;
            raiseStage?: "early" | "strong";
            setStatus?: "legal" | "agency";
          }>;
        };
        customerId: number;
        entityId?: number;
        /** calendar date YYYY-MM-DD */
        from?: string;
        days?: number;
      };
      response: {
        items: Array<{
          date: string;
          entityId: number;
          stepKey: string;
          label: string;
          action: string;
          channel: string;
          stage: string;
          message: {
            channel: string;
            locale: string;
            subject: string | null;
            body: string;
            recipients: Array<string>;
          } | null;
          task: {
            type: string;
            title: string;
            instructions: string;
            assigneeRole: string;
          } | null;
          skipped: string | null;
        }>;
      };
    };
  };
  "/api/collections/strategies/{id}": {
    get: {
      params: {
        id: number;
      };
      query: never;
      body: never;
      response: {
        id: number;
        name: string;
        version: number;
        active: boolean;
        label: string;
        description?: string | null;
        locale: "zh-CN" | "en";
        stages: {
          early: {
            fromDay: number;
          };
          strong: {
            fromDay: number;
          };
        };
        settings: {
          catchUpDays: number;
          promiseGraceDays: number;
          installmentGraceDays: number;
        };
        steps: Array<{
          key: string;
          stage: "reminder" | "early" | "strong" | "any";
          label: string;
          trigger: {
            type: "daysFromDue";
            days: number;
            repeatEveryDays?: number;
            maxRepeats?: number;
          } | {
            type: "daysInStage";
            days: number;
            repeatEveryDays?: number;
            maxRepeats?: number;
          } | {
            type: "brokenPromise";
          } | {
            type: "missedInstallment";
          } | {
            type: "amountAbove";
            currency: string;
            amount: number;
          } | {
            type: "grade";
            grades: Array<string>;
          };
          conditions?: {
            minAmount?: number;
            maxAmount?: number;
            currency?: string;
            grades?: Array<string>;
          };
          action: "email" | "sms" | "letter" | "statement" | "call" | "visit" | "escalate" | "credit_hold" | "legal_review" | "agency_referral";
          channel: "email" | "sms" | "letter" | "phone" | "visit" | "internal";
          template: string;
          raiseStage?: "early" | "strong";
          setStatus?: "legal" | "agency";
        }>;
      };
    };
  };
  "/api/collections/strategies/{id}/activate": {
    post: {
      params: {
        id: number;
      };
      query: never;
      body: never;
      response: {
        id: number;
        name: string;
        version: number;
        active: boolean;
        label: string;
        description?: string | null;
        locale: "zh-CN" | "en";
        stages: {
          early: {
            fromDay: number;
          };
          strong: {
            fromDay: number;
          };
        };
        settings: {
          catchUpDays: number;
          promiseGraceDays: number;
          installmentGraceDays: number;
        };
        steps: Array<{
          key: string;
          stage: "reminder" | "early" | "strong" | "any";
          label: string;
          trigger: {
            type: "daysFromDue";
            days: number;
            repeatEveryDays?: number;
            maxRepeats?: number;
          } | {
            type: "daysInStage";
            days: number;
            repeatEveryDays?: number;
            maxRepeats?: number;
          } | {
            type: "brokenPromise";
          } | {
            type: "missedInstallment";
          } | {
            type: "amountAbove";
            currency: string;
            amount: number;
          } | {
            type: "grade";
            grades: Array<string>;
          };
          conditions?: {
            minAmount?: number;
            maxAmount?: number;
            currency?: string;
            grades?: Array<string>;
          };
          action: "email" | "sms" | "letter" | "statement" | "call" | "visit" | "escalate" | "credit_hold" | "legal_review" | "agency_referral";
          channel: "email" | "sms" | "letter" | "phone" | "visit" | "internal";
          template: string;
          raiseStage?: "early" | "strong";
          setStatus?: "legal" | "agency";
        }>;
      };
    };
  };
  "/api/collections/strategies/{id}/deactivate": {
    post: {
      params: {
        id: number;
      };
      query: never;
      body: never;
      response: {
        id: number;
        name: string;
        version: number;
        active: boolean;
        label: string;
        description?: string | null;
        locale: "zh-CN" | "en";
        stages: {
          early: {
            fromDay: number;
          };
          strong: {
            fromDay: number;
          };
        };
        settings: {
          catchUpDays: number;
          promiseGraceDays: number;
          installmentGraceDays: number;
        };
        steps: Array<{
          key: string;
          stage: "reminder" | "early" | "strong" | "any";
          label: string;
          trigger: {
            type: "daysFromDue";
            days: number;
            repeatEveryDays?: number;
            maxRepeats?: number;
          } | {
            type: "daysInStage";
            days: number;
            repeatEveryDays?: number;
            maxRepeats?: number;
          } | {
            type: "brokenPromise";
          } | {
            type: "missedInstallment";
          } | {
            type: "amountAbove";
            currency: string;
            amount: number;
          } | {
            type: "grade";
            grades: Array<string>;
          };
          conditions?: {
            minAmount?: number;
            maxAmount?: number;
            currency?: string;
            grades?: Array<string>;
          };
          action: "email" | "sms" | "letter" | "statement" | "call" | "visit" | "escalate" | "credit_hold" | "legal_review" | "agency_referral";
          channel: "email" | "sms" | "letter" | "phone" | "visit" | "internal";
          template: string;
          raiseStage?: "early" | "strong";
          setStatus?: "legal" | "agency";
        }>;
      };
    };
  };
  "/api/collections/strategy-rules": {
    get: {
      params: never;
      query: never;
      body: never;
      response: {
        items: Array<{
          id: number;
        } & {
          priority: number;
          strategyName: string;
          segment: string | null;
          grade: string | null;
          language: string | null;
          minAmount: number | null;
          maxAmount: number | null;
          amountCurrency: string;
        }>;
      };
    };
    put: {
      params: never;
      query: never;
      body: {
        items: Array<{
          priority: number;
          strategyName: string;
          segment: string | null;
          grade: string | null;
          language: string | null;
          minAmount: number | null;
          maxAmount: number | null;
          amountCurrency: string;
        }>;
      };
      response: {
        items: Array<{
          id: number;
        } & {
          priority: number;
          strategyName: string;
          segment: string | null;
          grade: string | null;
          language: string | null;
          minAmount: number | null;
          maxAmount: number | null;
          amountCurrency: string;
        }>;
      };
    };
  };
  "/api/collections/tasks": {
    get: {
      params: never;
      query: {
        limit?: number;
        cursor?: string;
        caseId?: number;
        assigneeId?: number;
        assigneeRole?: string;
        type?: string;
        status?: "open" | "done" | "cancelled" | "all";
        dueBy?: string;
      };
      body: never;
      response: {
        items: Array<{
          id: number;
          caseId: number;
          customer: {
            id: number;
            code: string;
            name: string;
          };
          type: string;
          title: string;
          instructions: string | null;
          dueOn: string;
          assignee: {
            id: number;
            displayName: string;
          } | null;
          assigneeRole: string;
          status: string;
          stepKey: string | null;
          completedOn: string | null;
          outcome: string | null;
          /** why the engine cancelled it: 'case_closed', 'invoices_paid' or 'invoices_disputed' */
          cancelReason: string | null;
        }>;
        nextCursor: string | null;
      };
    };
  };
  "/api/collections/tasks/{id}": {
    patch: {
      params: {
        id: number;
      };
      query: never;
      body: {
        status: "open" | "done" | "cancelled";
        outcome?: string | null;
      };
      response: {
        id: number;
        caseId: number;
        customer: {
          id: number;
          code: string;
          name: string;
        };
        type: string;
        title: string;
        instructions: string | null;
        dueOn: string;
        assignee: {
          id: number;
          displayName: string;
        } | null;
        assigneeRole: string;
        status: string;
        stepKey: string | null;
        completedOn: string | null;
        outcome: string | null;
        /** why the engine cancelled it: 'case_closed', 'invoices_paid' or 'invoices_disputed' */
        cancelReason: string | null;
      };
    };
  };
  "/api/collections/templates": {
    get: {
      params: never;
      query: never;
      body: never;
      response: {
        items: Array<{
          key: string;
          kind: string;
          tone: string;
          texts: {
            [key: string]: {
              subject: string;
              body: string;
            };
          };
        }>;
      };
    };
  };
  "/api/config": {
    get: {
      params: never;
      query: never;
      body: never;
      response: {
        /** IANA time zone, HUIKUAN_TIME_ZONE */
        timeZone: string;
        /** today in the business time zone, YYYY-MM-DD */
        today: string;
      };
    };
  };
  "/api/contacts/{id}": {
    delete: {
      params: {
        id: number;
      };
      query: never;
      body: never;
      response: never;
    };
    patch: {
      params: {
        id: number;
      };
      query: never;
      body: {
        name?: string;
        role?: "finance" | "purchasing" | "owner" | "legal_rep" | "guarantor" | "sales" | "other";
        title?: string | null;
        phone?: string | null;
        mobile?: string | null;
        email?: string | null;
        wechat?: string | null;
        channels?: {
          email?: boolean;
          sms?: boolean;
          phone?: boolean;
          letter?: boolean;
        };
        doNotContact?: boolean;
        preferredHours?: string | null;
        language?: string | null;
        isPrimary?: boolean;
      };
      response: {
        id: number;
        customerId: number;
        name: string;
        role: string;
        title: string | null;
        phone: string | null;
        mobile: string | null;
        email: string | null;
        wechat: string | null;
        channels: {
          email: boolean;
          sms: boolean;
          phone: boolean;
          letter: boolean;
        };
        doNotContact: boolean;
        /** e.g. 09:00-18:00 */
        preferredHours: string | null;
        language: string | null;
        isPrimary: boolean;
      };
    };
  };
  "/api/credit-notes": {
    get: {
      params: never;
      query: {
        limit?: number;
        cursor?: string;
        customerId?: number;
        entityId?: number;
        q?: string;
        status?: "unapplied" | "applied" | "all";
        from?: string;
        to?: string;
        sort?: string;
      };
      body: never;
      response: {
        items: Array<{
          id: number;
          entityId: number;
          entityCode: string;
          customerId: number;
          customerCode: string;
          customerName: string;
          number: string;
          /** calendar date YYYY-MM-DD */
          issueDate: string;
          currency: string;
          /** amount in the currency minor unit (分/cents) */
          amount: number;
          /** amount in the currency minor unit (分/cents) */
          allocatedAmount: number;
          /** amount in the currency minor unit (分/cents) */
          unappliedAmount: number;
          invoiceNumber: string | null;
          reason: string | null;
        }>;
        nextCursor: string | null;
      };
    };
    post: {
      params: never;
      query: never;
      body: {
        entityId?: number;
        entityCode?: string;
        customerId?: number;
        customerCode?: string;
        number: string;
        /** calendar date YYYY-MM-DD */
        issueDate: string;
        /** ISO 4217 code */
        currency: string;
        /** minor units (分/cents) */
        amount: number;
        invoiceNumber?: string | null;
        reason?: string | null;
        autoAllocate?: boolean;
      };
      response: {
        id: number;
        entityId: number;
        entityCode: string;
        customerId: number;
        customerCode: string;
        customerName: string;
        number: string;
        /** calendar date YYYY-MM-DD */
        issueDate: string;
        currency: string;
        /** amount in the currency minor unit (分/cents) */
        amount: number;
        /** amount in the currency minor unit (分/cents) */
        allocatedAmount: number;
        /** amount in the currency minor unit (分/cents) */
        unappliedAmount: number;
        invoiceNumber: string | null;
        reason: string | null;
        allocations: Array<{
          id: number;
          invoiceId: number;
          invoiceNumber: string;
          /** amount in the currency minor unit (分/cents) */
          amount: number;
          /** calendar date YYYY-MM-DD */
          effectiveOn: string;
          /** calendar date YYYY-MM-DD */
          reversedOn: string | null;
          method: string;
        }>;
      };
    };
  };
  "/api/credit-notes/{id}": {
    get: {
      params: {
        id: number;
      };
      query: never;
      body: never;
      response: {
        id: number;
        entityId: number;
        entityCode: string;
        customerId: number;
        customerCode: string;
        customerName: string;
        number: string;
        /** calendar date YYYY-MM-DD */
        issueDate: string;
        currency: string;
        /** amount in the currency minor unit (分/cents) */
        amount: number;
        /** amount in the currency minor unit (分/cents) */
        allocatedAmount: number;
        /** amount in the currency minor unit (分/cents) */
        unappliedAmount: number;
        invoiceNumber: string | null;
        reason: string | null;
        allocations: Array<{
          id: number;
          invoiceId: number;
          invoiceNumber: string;
          /** amount in the currency minor unit (分/cents) */
          amount: number;
          /** calendar date YYYY-MM-DD */
          effectiveOn: string;
          /** calendar date YYYY-MM-DD */
          reversedOn: string | null;
          method: string;
        }>;
      };
    };
  };
  "/api/credit/customers/{id}/interest": {
    get: {
      params: {
        id: number;
      };
      query: {
        asOf?: string;
        entityId?: number;
      };
      body: never;
      response: {
        customerId: number;
        /** calendar date YYYY-MM-DD */
        asOf: string;
        invoices: Array<{
          invoiceId: number;
          number: string;
          entityId: number;
          /** ISO 4217 code */
          currency: string;
          /** amount in the currency minor unit (分/cents) */
          amount: number;
          /** amount in the currency minor unit (分/cents) */
          openAmount: number;
          /** calendar date YYYY-MM-DD */
          dueDate: string;
          /** calendar date YYYY-MM-DD */
          accruesFrom: string | null;
          days: number;
          /** amount in the currency minor unit (分/cents) */
          interest: number;
          capped: boolean;
          termsSource: "customer" | "entity" | "none";
          termsId: number | null;
          interestKind: "none" | "daily" | "annual";
          interestRate: string | null;
        }>;
        totals: Array<{
          /** ISO 4217 code */
          currency: string;
          /** amount in the currency minor unit (分/cents) */
          interest: number;
        }>;
      };
    };
  };
  "/api/credit/customers/{id}/terms": {
    get: {
      params: {
        id: number;
      };
      query: {
        asOf?: string;
      };
      body: never;
      response: {
        customerId: number;
        /** calendar date YYYY-MM-DD */
        asOf: string;
        inForce: Array<{
          entityId: number;
          source: "customer" | "entity" | "none";
          terms: {
            id: number;
            entityId: number;
            customerId: number | null;
            grade: string | null;
            /** calendar date YYYY-MM-DD */
            validFrom: string;
            paymentTermsDays: number;
            /** amount in the currency minor unit (分/cents) */
            creditLimit: number | null;
            /** ISO 4217 code */
            currency: string;
            interestKind: "none" | "daily" | "annual";
            interestRate: string | null;
            dayCountBasis: number;
            graceDays: number;
            interestCapPercent: string | null;
            note: string | null;
            createdAt: string;
          };
        }>;
        history: Array<{
          id: number;
          entityId: number;
          customerId: number | null;
          grade: string | null;
          /** calendar date YYYY-MM-DD */
          validFrom: string;
          paymentTermsDays: number;
          /** amount in the currency minor unit (分/cents) */
          creditLimit: number | null;
          /** ISO 4217 code */
          currency: string;
          interestKind: "none" | "daily" | "annual";
          interestRate: string | null;
          dayCountBasis: number;
          graceDays: number;
          interestCapPercent: string | null;
          note: string | null;
          createdAt: string;
        }>;
      };
    };
    put: {
      params: {
        id: number;
      };
      query: never;
      body: {
        entityId: number;
        /** calendar date YYYY-MM-DD */
        validFrom: string;
        paymentTermsDays: number;
        creditLimit: number | null;
        /** ISO 4217 code */
        currency: string;
        interestKind: "none" | "daily" | "annual";
        /** exact decimal, e.g. 0.0005 (万分之五) */
        interestRate: string | null;
        dayCountBasis?: 365 | 360;
        graceDays?: number;
        /** exact decimal, e.g. 0.0005 (万分之五) */
        interestCapPercent?: string | null;
        note?: string | null;
      };
      response: {
        id: number;
        entityId: number;
        customerId: number | null;
        grade: string | null;
        /** calendar date YYYY-MM-DD */
        validFrom: string;
        paymentTermsDays: number;
        /** amount in the currency minor unit (分/cents) */
        creditLimit: number | null;
        /** ISO 4217 code */
        currency: string;
        interestKind: "none" | "daily" | "annual";
        interestRate: string | null;
        dayCountBasis: number;
        graceDays: number;
        interestCapPercent: string | null;
        note: string | null;
        createdAt: string;
      };
    };
  };
  "/api/credit/entities/{id}/terms": {
    get: {
      params: {
        id: number;
      };
      query: {
        asOf?: string;
      };
      body: never;
      response: {
        entityId: number;
        /** calendar date YYYY-MM-DD */
        asOf: string;
        inForce: {
          id: number;
          entityId: number;
          customerId: number | null;
          grade: string | null;
          /** calendar date YYYY-MM-DD */
          validFrom: string;
          paymentTermsDays: number;
          /** amount in the currency minor unit (分/cents) */
          creditLimit: number | null;
          /** ISO 4217 code */
          currency: string;
          interestKind: "none" | "daily" | "annual";
          interestRate: string | null;
          dayCountBasis: number;
          graceDays: number;
          interestCapPercent: string | null;
          note: string | null;
          createdAt: string;
        } | null;
        history: Array<{
          id: number;
          entityId: number;
          customerId: number | null;
          grade: string | null;
          /** calendar date YYYY-MM-DD */
          validFrom: string;
          paymentTermsDays: number;
          /** amount in the currency minor unit (分/cents) */
          creditLimit: number | null;
          /** ISO 4217 code */
          currency: string;
          interestKind: "none" | "daily" | "annual";
          interestRate: string | null;
          dayCountBasis: number;
          graceDays: number;
          interestCapPercent: string | null;
          note: string | null;
          createdAt: string;
        }>;
      };
    };
    put: {
      params: {
        id: number;
      };
      query: never;
      body: {
        /** calendar date YYYY-MM-DD */
        validFrom: string;
        paymentTermsDays: number;
        creditLimit: number | null;
        /** ISO 4217 code */
        currency: string;
        interestKind: "none" | "daily" | "annual";
        /** exact decimal, e.g. 0.0005 (万分之五) */
        interestRate: string | null;
        dayCountBasis?: 365 | 360;
        graceDays?: number;
        /** exact decimal, e.g. 0.0005 (万分之五) */
        interestCapPercent?: string | null;
        note?: string | null;
      };
      response: {
        id: number;
        entityId: number;
        customerId: number | null;
        grade: string | null;
        /** calendar date YYYY-MM-DD */
        validFrom: string;
        paymentTermsDays: number;
        /** amount in the currency minor unit (分/cents) */
        creditLimit: number | null;
        /** ISO 4217 code */
        currency: string;
        interestKind: "none" | "daily" | "annual";
        interestRate: string | null;
        dayCountBasis: number;
        graceDays: number;
        interestCapPercent: string | null;
        note: string | null;
        createdAt: string;
      };
    };
  };
  "/api/currencies": {
    get: {
      params: never;
      query: never;
      body: never;
      response: {
        items: Array<{
          code: string;
          minorUnits: number;
          name: string;
        }>;
      };
    };
  };
  "/api/customers": {
    get: {
      params: never;
      query: {
        limit?: number;
        cursor?: string;
        q?: string;
        region?: string;
        segment?: string;
        country?: string;
        collectorId?: number;
        salespersonId?: number;
        overdue?: boolean;
        sort?: string;
      };
      body: never;
      response: {
        items: Array<{
          id: number;
          code: string;
          name: string;
          taxId: string | null;
          region: string | null;
          country: string;
          segment: string | null;
          language: string;
          timeZone: string;
          paymentTermsDays: number | null;
          collector: {
            id: number;
            displayName: string;
          } | null;
          salesperson: {
            id: number;
            displayName: string;
          } | null;
          /** one entry per currency with open invoices */
          balances: Array<{
            currency: string;
            /** amount in the currency minor unit (分/cents) */
            openAmount: number;
            /** amount in the currency minor unit (分/cents) */
            overdueAmount: number;
            openCount: number;
            overdueCount: number;
          }>;
          /** unapplied payments and credit notes (未核销) per currency */
          unapplied: Array<{
            currency: string;
            /** amount in the currency minor unit (分/cents) */
            amount: number;
          }>;
        }>;
        nextCursor: string | null;
      };
    };
    post: {
      params: never;
      query: never;
      body: {
        code: string;
        name: string;
        taxId?: string | null;
        parentId?: number | null;
        region?: string | null;
        /** ISO 3166 alpha-2 */
        country?: string;
        /** IANA time zone */
        timeZone?: string;
        /** e.g. zh-CN, en */
        language?: string;
        segment?: string | null;
        paymentTermsDays?: number | null;
        collectorId?: number | null;
        salespersonId?: number | null;
        attributes?: {
          [key: string]: unknown;
        };
      };
      response: {
        id: number;
        code: string;
        name: string;
        taxId: string | null;
        region: string | null;
        country: string;
        segment: string | null;
        language: string;
        timeZone: string;
        paymentTermsDays: number | null;
        collector: {
          id: number;
          displayName: string;
        } | null;
        salesperson: {
          id: number;
          displayName: string;
        } | null;
        /** one entry per currency with open invoices */
        balances: Array<{
          currency: string;
          /** amount in the currency minor unit (分/cents) */
          openAmount: number;
          /** amount in the currency minor unit (分/cents) */
          overdueAmount: number;
          openCount: number;
          overdueCount: number;
        }>;
        /** unapplied payments and credit notes (未核销) per currency */
        unapplied: Array<{
          currency: string;
          /** amount in the currency minor unit (分/cents) */
          amount: number;
        }>;
        parent: {
          id: number;
          code: string;
          name: string;
        } | null;
        attributes: {
          [key: string]: unknown;
        };
        contacts: Array<{
          id: number;
          customerId: number;
          name: string;
          role: string;
          title: string | null;
          phone: string | null;
          mobile: string | null;
          email: string | null;
          wechat: string | null;
          channels: {
            email: boolean;
            sms: boolean;
            phone: boolean;
            letter: boolean;
          };
          doNotContact: boolean;
          /** e.g. 09:00-18:00 */
          preferredHours: string | null;
          language: string | null;
          isPrimary: boolean;
        }>;
        oldestOverdueDays: number;
        lastPaymentDate: string | null;
      };
    };
  };
  "/api/customers/{id}": {
    get: {
      params: {
        id: number;
      };
      query: never;
      body: never;
      response: {
        id: number;
        code: string;
        name: string;
        taxId: string | null;
        region: string | null;
        country: string;
        segment: string | null;
        language: string;
        timeZone: string;
        paymentTermsDays: number | null;
        collector: {
          id: number;
          displayName: string;
        } | null;
        salesperson: {
          id: number;
          displayName: string;
        } | null;
        /** one entry per currency with open invoices */
        balances: Array<{
          currency: string;
          /** amount in the currency minor unit (分/cents) */
          openAmount: number;
          /** amount in the currency minor unit (分/cents) */
          overdueAmount: number;
          openCount: number;
          overdueCount: number;
        }>;
        /** unapplied payments and credit notes (未核销) per currency */
        unapplied: Array<{
          currency: string;
          /** amount in the currency minor unit (分/cents) */
          amount: number;
        }>;
        parent: {
          id: number;
          code: string;
          name: string;
        } | null;
        attributes: {
          [key: string]: unknown;
        };
        contacts: Array<{
          id: number;
          customerId: number;
          name: string;
          role: string;
          title: string | null;
          phone: string | null;
          mobile: string | null;
          email: string | null;
          wechat: string | null;
          channels: {
            email: boolean;
            sms: boolean;
            phone: boolean;
            letter: boolean;
          };
          doNotContact: boolean;
          /** e.g. 09:00-18:00 */
          preferredHours: string | null;
          language: string | null;
          isPrimary: boolean;
        }>;
        oldestOverdueDays: number;
        lastPaymentDate: string | null;
      };
    };
    patch: {
      params: {
        id: number;
      };
      query: never;
      body: {
        code?: string;
        name?: string;
        taxId?: string | null;
        parentId?: number | null;
        region?: string | null;
        /** ISO 3166 alpha-2 */
        country?: string;
        /** IANA time zone */
        timeZone?: string;
        /** e.g. zh-CN, en */
        language?: string;
        segment?: string | null;
        paymentTermsDays?: number | null;
        collectorId?: number | null;
        salespersonId?: number | null;
        attributes?: {
          [key: string]: unknown;
        };
      };
      response: {
        id: number;
        code: string;
        name: string;
        taxId: string | null;
        region: string | null;
        country: string;
        segment: string | null;
        language: string;
        timeZone: string;
        paymentTermsDays: number | null;
        collector: {
          id: number;
          displayName: string;
        } | null;
        salesperson: {
          id: number;
          displayName: string;
        } | null;
        /** one entry per currency with open invoices */
        balances: Array<{
          currency: string;
          /** amount in the currency minor unit (分/cents) */
          openAmount: number;
          /** amount in the currency minor unit (分/cents) */
          overdueAmount: number;
          openCount: number;
          overdueCount: number;
        }>;
        /** unapplied payments and credit notes (未核销) per currency */
        unapplied: Array<{
          currency: string;
          /** amount in the currency minor unit (分/cents) */
          amount: number;
        }>;
        parent: {
          id: number;
          code: string;
          name: string;
        } | null;
        attributes: {
          [key: string]: unknown;
        };
        contacts: Array<{
          id: number;
          customerId: number;
          name: string;
          role: string;
          title: string | null;
          phone: string | null;
          mobile: string | null;
          email: string | null;
          wechat: string | null;
          channels: {
            email: boolean;
            sms: boolean;
            phone: boolean;
            letter: boolean;
          };
          doNotContact: boolean;
          /** e.g. 09:00-18:00 */
          preferredHours: string | null;
          language: string | null;
          isPrimary: boolean;
        }>;
        oldestOverdueDays: number;
        lastPaymentDate: string | null;
      };
    };
  };
  "/api/customers/{id}/contacts": {
    get: {
      params: {
        id: number;
      };
      query: never;
      body: never;
      response: {
        items: Array<{
          id: number;
          customerId: number;
          name: string;
          role: string;
          title: string | null;
          phone: string | null;
          mobile: string | null;
          email: string | null;
          wechat: string | null;
          channels: {
            email: boolean;
            sms: boolean;
            phone: boolean;
            letter: boolean;
          };
          doNotContact: boolean;
          /** e.g. 09:00-18:00 */
          preferredHours: string | null;
          language: string | null;
          isPrimary: boolean;
        }>;
      };
    };
    post: {
      params: {
        id: number;
      };
      query: never;
      body: {
        name: string;
        role?: "finance" | "purchasing" | "owner" | "legal_rep" | "guarantor" | "sales" | "other";
        title?: string | null;
        phone?: string | null;
        mobile?: string | null;
        email?: string | null;
        wechat?: string | null;
        channels?: {
          email?: boolean;
          sms?: boolean;
          phone?: boolean;
          letter?: boolean;
        };
        doNotContact?: boolean;
        preferredHours?: string | null;
        language?: string | null;
        isPrimary?: boolean;
      };
      response: {
        id: number;
        customerId: number;
        name: string;
        role: string;
        title: string | null;
        phone: string | null;
        mobile: string | null;
        email: string | null;
        wechat: string | null;
        channels: {
          email: boolean;
          sms: boolean;
          phone: boolean;
          letter: boolean;
        };
        doNotContact: boolean;
        /** e.g. 09:00-18:00 */
        preferredHours: string | null;
        language: string | null;
        isPrimary: boolean;
      };
    };
  };
  "/api/customers/{id}/open-items": {
    get: {
      params: {
        id: number;
      };
      query: never;
      body: never;
      response: {
        invoices: Array<{
          id: number;
          entityId: number;
          entityCode: string;
          number: string;
          /** calendar date YYYY-MM-DD */
          issueDate: string;
          /** calendar date YYYY-MM-DD */
          dueDate: string;
          currency: string;
          /** amount in the currency minor unit (分/cents) */
          amount: number;
          /** amount in the currency minor unit (分/cents) */
          allocatedAmount: number;
          /** amount in the currency minor unit (分/cents) */
          openAmount: number;
          daysPastDue: number;
          status: "open" | "overdue";
          disputed: boolean;
        }>;
        payments: Array<{
          id: number;
          entityId: number;
          entityCode: string;
          reference: string;
          /** calendar date YYYY-MM-DD */
          date: string;
          currency: string;
          /** amount in the currency minor unit (分/cents) */
          amount: number;
          /** amount in the currency minor unit (分/cents) */
          unappliedAmount: number;
          invoiceNumbers: Array<string>;
        }>;
        creditNotes: Array<{
          id: number;
          entityId: number;
          entityCode: string;
          reference: string;
          /** calendar date YYYY-MM-DD */
          date: string;
          currency: string;
          /** amount in the currency minor unit (分/cents) */
          amount: number;
          /** amount in the currency minor unit (分/cents) */
          unappliedAmount: number;
          invoiceNumbers: Array<string>;
        }>;
      };
    };
  };
  "/api/entities": {
    get: {
      params: never;
      query: never;
      body: never;
      response: {
        items: Array<{
          id: number;
          code: string;
          name: string;
          baseCurrency: string;
          country: string;
          timeZone: string;
        }>;
      };
    };
    post: {
      params: never;
      query: never;
      body: {
        code: string;
        name: string;
        /** ISO 4217 code */
        baseCurrency: string;
        /** ISO 3166 alpha-2, default CN */
        country?: string;
        /** IANA zone, default Asia/Shanghai */
        timeZone?: string;
      };
      response: {
        id: number;
        code: string;
        name: string;
        baseCurrency: string;
        country: string;
        timeZone: string;
      };
    };
  };
  "/api/exchange-rates": {
    get: {
      params: never;
      query: {
        from?: string;
        to?: string;
        date?: string;
        limit?: number;
      };
      body: never;
      response: {
        items: Array<{
          fromCurrency: string;
          toCurrency: string;
          rateDate: string;
          /** decimal: 1 fromCurrency = rate toCurrency */
          rate: string;
        }>;
      };
    };
    post: {
      params: never;
      query: never;
      body: {
        items: Array<{
          /** ISO 4217 code */
          fromCurrency: string;
          /** ISO 4217 code */
          toCurrency: string;
          /** calendar date YYYY-MM-DD */
          rateDate: string;
          /** decimal string preferred */
          rate: string | number;
        }>;
      };
      response: {
        items: Array<{
          fromCurrency: string;
          toCurrency: string;
          rateDate: string;
          /** decimal: 1 fromCurrency = rate toCurrency */
          rate: string;
        }>;
        inserted: number;
        updated: number;
      };
    };
  };
  "/api/health": {
    get: {
      params: never;
      query: never;
      body: never;
      response: {
        status: "ok";
        store: string;
        time: string;
      };
    };
  };
  "/api/imports": {
    get: {
      params: never;
      query: {
        limit?: number;
        cursor?: string;
        kind?: "customers" | "contacts" | "invoices" | "payments" | "credit-notes" | "orders" | "history" | "promises" | "disputes";
        dryRun?: boolean;
      };
      body: never;
      response: {
        items: Array<{
          batchId: number;
          kind: string;
          fileName: string;
          status: "loaded" | "validated" | "rejected" | "failed" | "running";
          dryRun: boolean;
          rowsTotal: number;
          inserted: number;
          updated: number;
          unchanged: number;
          errorCount: number;
          /** the first 1000 errors, by line */
          errors: Array<{
            /** 1-based line in the file (the header is line 1); 0 for the whole file */
            line: number;
            field: string | null;
            value: string | null;
            reason: string;
            /** stable code of the reason, for translation */
            code?: string;
            params?: {
              [key: string]: string | number;
            };
          }>;
          source: {
            format: string | null;
            encoding: string | null;
            delimiter: string | null;
            totalBytes: number;
            /** field → header it was read from */
            columns: {
              [key: string]: string;
            };
            ignoredColumns: Array<string>;
            /** how a/b/yyyy dates were read; null when the file has none */
            dateFormat: {
              /** e.g. D/M/YYYY */
              format: string;
              /** mapping: its dateFormat; inferred: the first rows hold a value that fits this order only (evidence); assumed: every value fits both, read month first */
              basis: "mapping" | "inferred" | "assumed";
              evidence: {
                line: number;
                field: string;
                value: string;
              } | null;
            } | null;
          };
          created: {
            entity: string | null;
            customers: number;
            staff: number;
            payments: number;
          };
          allocations: {
            count: number;
            amount: number;
          };
          /** rows left out on purpose (a totals row), with why */
          skipped: Array<{
            /** 1-based line in the file (the header is line 1); 0 for the whole file */
            line: number;
            field: string | null;
            value: string | null;
            reason: string;
            /** stable code of the reason, for translation */
            code?: string;
            params?: {
              [key: string]: string | number;
            };
          }>;
          /** what deserves a look, loaded or not: invoice numbers equal but for leading zeros */
          warnings: Array<{
            /** 1-based line in the file (the header is line 1); 0 for the whole file */
            line: number;
            field: string | null;
            value: string | null;
            reason: string;
            /** stable code of the reason, for translation */
            code?: string;
            params?: {
              [key: string]: string | number;
            };
          }>;
          sha256: string;
          startedAt: string;
          finishedAt: string | null;
        }>;
        nextCursor: string | null;
      };
    };
    post: {
      params: never;
      query: never;
      body: never;
      response: {
        batchId: number;
        kind: string;
        fileName: string;
        status: "loaded" | "validated" | "rejected" | "failed" | "running";
        dryRun: boolean;
        rowsTotal: number;
        inserted: number;
        updated: number;
        unchanged: number;
        errorCount: number;
        /** the first 1000 errors, by line */
        errors: Array<{
          /** 1-based line in the file (the header is line 1); 0 for the whole file */
          line: number;
          field: string | null;
          value: string | null;
          reason: string;
          /** stable code of the reason, for translation */
          code?: string;
          params?: {
            [key: string]: string | number;
          };
        }>;
        source: {
          format: string | null;
          encoding: string | null;
          delimiter: string | null;
          totalBytes: number;
          /** field → header it was read from */
          columns: {
            [key: string]: string;
          };
          ignoredColumns: Array<string>;
          /** how a/b/yyyy dates were read; null when the file has none */
          dateFormat: {
            /** e.g. D/M/YYYY */
            format: string;
            /** mapping: its dateFormat; inferred: the first rows hold a value that fits this order only (evidence); assumed: every value fits both, read month first */
            basis: "mapping" | "inferred" | "assumed";
            evidence: {
              line: number;
              field: string;
              value: string;
            } | null;
          } | null;
        };
        created: {
          entity: string | null;
          customers: number;
          staff: number;
          payments: number;
        };
        allocations: {
          count: number;
          amount: number;
        };
        /** rows left out on purpose (a totals row), with why */
        skipped: Array<{
          /** 1-based line in the file (the header is line 1); 0 for the whole file */
          line: number;
          field: string | null;
          value: string | null;
          reason: string;
          /** stable code of the reason, for translation */
          code?: string;
          params?: {
            [key: string]: string | number;
          };
        }>;
        /** what deserves a look, loaded or not: invoice numbers equal but for leading zeros */
        warnings: Array<{
          /** 1-based line in the file (the header is line 1); 0 for the whole file */
          line: number;
          field: string | null;
          value: string | null;
          reason: string;
          /** stable code of the reason, for translation */
          code?: string;
          params?: {
            [key: string]: string | number;
          };
        }>;
        sha256: string;
        startedAt: string;
        finishedAt: string | null;
      };
    };
  };
  "/api/imports/kinds": {
    get: {
      params: never;
      query: never;
      body: never;
      response: {
        items: Array<{
          kind: string;
          fields: Array<{
            name: string;
            type: string;
            required: boolean;
            description: string;
            aliases: Array<string>;
          }>;
        }>;
      };
    };
  };
  "/api/imports/preview": {
    post: {
      params: never;
      query: never;
      body: never;
      response: {
        fileName: string;
        format: string;
        encoding: string | null;
        delimiter: string | null;
        headers: Array<string>;
        sampleRows: Array<Array<string>>;
        suggestedMapping: {
          columns: {
            [key: string]: string;
          };
          dateFormat?: string;
        };
        unmappedRequired: Array<string>;
      };
    };
  };
  "/api/imports/{id}": {
    get: {
      params: {
        id: number;
      };
      query: never;
      body: never;
      response: {
        batchId: number;
        kind: string;
        fileName: string;
        status: "loaded" | "validated" | "rejected" | "failed" | "running";
        dryRun: boolean;
        rowsTotal: number;
        inserted: number;
        updated: number;
        unchanged: number;
        errorCount: number;
        /** the first 1000 errors, by line */
        errors: Array<{
          /** 1-based line in the file (the header is line 1); 0 for the whole file */
          line: number;
          field: string | null;
          value: string | null;
          reason: string;
          /** stable code of the reason, for translation */
          code?: string;
          params?: {
            [key: string]: string | number;
          };
        }>;
        source: {
          format: string | null;
          encoding: string | null;
          delimiter: string | null;
          totalBytes: number;
          /** field → header it was read from */
          columns: {
            [key: string]: string;
          };
          ignoredColumns: Array<string>;
          /** how a/b/yyyy dates were read; null when the file has none */
          dateFormat: {
            /** e.g. D/M/YYYY */
            format: string;
            /** mapping: its dateFormat; inferred: the first rows hold a value that fits this order only (evidence); assumed: every value fits both, read month first */
            basis: "mapping" | "inferred" | "assumed";
            evidence: {
              line: number;
              field: string;
              value: string;
            } | null;
          } | null;
        };
        created: {
          entity: string | null;
          customers: number;
          staff: number;
          payments: number;
        };
        allocations: {
          count: number;
          amount: number;
        };
        /** rows left out on purpose (a totals row), with why */
        skipped: Array<{
          /** 1-based line in the file (the header is line 1); 0 for the whole file */
          line: number;
          field: string | null;
          value: string | null;
          reason: string;
          /** stable code of the reason, for translation */
          code?: string;
          params?: {
            [key: string]: string | number;
          };
        }>;
        /** what deserves a look, loaded or not: invoice numbers equal but for leading zeros */
        warnings: Array<{
          /** 1-based line in the file (the header is line 1); 0 for the whole file */
          line: number;
          field: string | null;
          value: string | null;
          reason: string;
          /** stable code of the reason, for translation */
          code?: string;
          params?: {
            [key: string]: string | number;
          };
        }>;
        sha256: string;
        startedAt: string;
        finishedAt: string | null;
      };
    };
  };
  "/api/invoices": {
    get: {
      params: never;
      query: {
        limit?: number;
        cursor?: string;
        customerId?: number;
        entityId?: number;
        status?: "open" | "overdue" | "paid" | "all";
        q?: string;
        dueFrom?: string;
        dueTo?: string;
        currency?: string;
        disputed?: boolean;
        sort?: string;
      };
      body: never;
      response: {
        items: Array<{
          id: number;
          entityId: number;
          entityCode: string;
          customerId: number;
          customerCode: string;
          customerName: string;
          number: string;
          issueDate: string;
          dueDate: string;
          currency: string;
          /** amount in the currency minor unit (分/cents) */
          amount: number;
          /** amount in the currency minor unit (分/cents) */
          allocatedAmount: number;
          /** amount in the currency minor unit (分/cents) */
          openAmount: number;
          /** as of today in the business time zone; 0 when not due or paid */
          daysPastDue: number;
          status: "open" | "overdue" | "paid";
          disputed: boolean;
          orderNumber: string | null;
          description: string | null;
        }>;
        nextCursor: string | null;
      };
    };
    post: {
      params: never;
      query: never;
      body: {
        entityId?: number;
        entityCode?: string;
        customerId?: number;
        customerCode?: string;
        number: string;
        /** calendar date YYYY-MM-DD */
        issueDate: string;
        /** calendar date YYYY-MM-DD */
        dueDate?: string;
        /** ISO 4217 code */
        currency: string;
        /** minor units (分/cents) */
        amount: number;
        orderNumber?: string | null;
        description?: string | null;
        disputed?: boolean;
      };
      response: {
        id: number;
        entityId: number;
        entityCode: string;
        customerId: number;
        customerCode: string;
        customerName: string;
        number: string;
        issueDate: string;
        dueDate: string;
        currency: string;
        /** amount in the currency minor unit (分/cents) */
        amount: number;
        /** amount in the currency minor unit (分/cents) */
        allocatedAmount: number;
        /** amount in the currency minor unit (分/cents) */
        openAmount: number;
        /** as of today in the business time zone; 0 when not due or paid */
        daysPastDue: number;
        status: "open" | "overdue" | "paid";
        disputed: boolean;
        orderNumber: string | null;
        description: string | null;
        allocations: Array<{
          id: number;
          /** amount in the currency minor unit (分/cents) */
          amount: number;
          effectiveOn: string;
          reversedOn: string | null;
          method: string;
          source: {
            kind: "payment" | "credit_note" | "write_off";
            id: number;
            reference: string;
          };
        }>;
      };
    };
  };
  "/api/invoices/{id}": {
    get: {
      params: {
        id: number;
      };
      query: never;
      body: never;
      response: {
        id: number;
        entityId: number;
        entityCode: string;
        customerId: number;
        customerCode: string;
        customerName: string;
        number: string;
        issueDate: string;
        dueDate: string;
        currency: string;
        /** amount in the currency minor unit (分/cents) */
        amount: number;
        /** amount in the currency minor unit (分/cents) */
        allocatedAmount: number;
        /** amount in the currency minor unit (分/cents) */
        openAmount: number;
        /** as of today in the business time zone; 0 when not due or paid */
        daysPastDue: number;
        status: "open" | "overdue" | "paid";
        disputed: boolean;
        orderNumber: string | null;
        description: string | null;
        allocations: Array<{
          id: number;
          /** amount in the currency minor unit (分/cents) */
          amount: number;
          effectiveOn: string;
          reversedOn: string | null;
          method: string;
          source: {
            kind: "payment" | "credit_note" | "write_off";
            id: number;
            reference: string;
          };
        }>;
      };
    };
    patch: {
      params: {
        id: number;
      };
      query: never;
      body: {
        disputed?: boolean;
        description?: string | null;
        /** calendar date YYYY-MM-DD */
        dueDate?: string;
        orderNumber?: string | null;
      };
      response: {
        id: number;
        entityId: number;
        entityCode: string;
        customerId: number;
        customerCode: string;
        customerName: string;
        number: string;
        issueDate: string;
        dueDate: string;
        currency: string;
        /** amount in the currency minor unit (分/cents) */
        amount: number;
        /** amount in the currency minor unit (分/cents) */
        allocatedAmount: number;
        /** amount in the currency minor unit (分/cents) */
        openAmount: number;
        /** as of today in the business time zone; 0 when not due or paid */
        daysPastDue: number;
        status: "open" | "overdue" | "paid";
        disputed: boolean;
        orderNumber: string | null;
        description: string | null;
        allocations: Array<{
          id: number;
          /** amount in the currency minor unit (分/cents) */
          amount: number;
          effectiveOn: string;
          reversedOn: string | null;
          method: string;
          source: {
            kind: "payment" | "credit_note" | "write_off";
            id: number;
            reference: string;
          };
        }>;
      };
    };
  };
  "/api/legal/limitation": {
    get: {
      params: never;
      query: {
        asOf?: string;
        entity?: number;
        customer?: number;
        locale?: "zh-CN" | "en";
      };
      body: never;
      response: {
        /** calendar date YYYY-MM-DD */
        asOf: string;
        invoices: Array<{
          invoiceId: number;
          number: string;
          entityId: number;
          entityCode: string;
          customerId: number;
          customerCode: string;
          customerName: string;
          /** ISO 4217 code */
          currency: string;
          /** amount in the currency minor unit (分/cents) */
          openAmount: number;
          /** calendar date YYYY-MM-DD */
          dueDate: string;
          jurisdiction: string;
          periodYears: number;
          /** calendar date YYYY-MM-DD */
          start: string;
          /** calendar date YYYY-MM-DD */
          expiry: string;
          /** calendar date YYYY-MM-DD */
          expiryWithWeak: string;
          setBy: {
            kind: "due" | "payment" | "promise" | "plan" | "acknowledgement" | "demand" | "suit";
            /** calendar date YYYY-MM-DD */
            on: string;
            /** source row, e.g. payment:12, promise:3, outbox:9 */
            ref: string | null;
            /** what proves it; null: nothing on file */
            evidence: string | null;
            proven: boolean;
          };
          setByWithWeak: {
            kind: "due" | "payment" | "promise" | "plan" | "acknowledgement" | "demand" | "suit";
            /** calendar date YYYY-MM-DD */
            on: string;
            /** source row, e.g. payment:12, promise:3, outbox:9 */
            ref: string | null;
            /** what proves it; null: nothing on file */
            evidence: string | null;
            proven: boolean;
          };
          weakRestarts: Array<{
            kind: "due" | "payment" | "promise" | "plan" | "acknowledgement" | "demand" | "suit";
            /** calendar date YYYY-MM-DD */
            on: string;
            /** source row, e.g. payment:12, promise:3, outbox:9 */
            ref: string | null;
            /** what proves it; null: nothing on file */
            evidence: string | null;
            proven: boolean;
          }>;
          waivedBy: {
            kind: "due" | "payment" | "promise" | "plan" | "acknowledgement" | "demand" | "suit";
            /** calendar date YYYY-MM-DD */
            on: string;
            /** source row, e.g. payment:12, promise:3, outbox:9 */
            ref: string | null;
            /** what proves it; null: nothing on file */
            evidence: string | null;
            proven: boolean;
          } | null;
          daysLeft: number;
          band: "ok" | "180" | "90" | "30" | "expired";
          action: "none" | "sendConfirmation" | "seekPromise";
          actionText: string;
          calendarFallback: boolean;
        }>;
        bands: {
          "30": number;
          "90": number;
          "180": number;
          ok: number;
          expired: number;
        };
      };
    };
  };
  "/api/payments": {
    get: {
      params: never;
      query: {
        limit?: number;
        cursor?: string;
        customerId?: number;
        entityId?: number;
        q?: string;
        status?: "unapplied" | "applied" | "reversed" | "all";
        from?: string;
        to?: string;
        sort?: string;
      };
      body: never;
      response: {
        items: Array<{
          id: number;
          entityId: number;
          entityCode: string;
          customerId: number;
          customerCode: string;
          customerName: string;
          reference: string;
          /** calendar date YYYY-MM-DD */
          receivedDate: string;
          currency: string;
          /** amount in the currency minor unit (分/cents) */
          amount: number;
          /** amount in the currency minor unit (分/cents) */
          allocatedAmount: number;
          /** amount in the currency minor unit (分/cents) */
          unappliedAmount: number;
          method: string | null;
          remittanceInvoiceNumbers: Array<string>;
          note: string | null;
          /** calendar date YYYY-MM-DD */
          reversedOn: string | null;
          reversalReason: string | null;
        }>;
        nextCursor: string | null;
      };
    };
    post: {
      params: never;
      query: never;
      body: {
        entityId?: number;
        entityCode?: string;
        customerId?: number;
        customerCode?: string;
        reference: string;
        /** calendar date YYYY-MM-DD */
        receivedDate: string;
        /** ISO 4217 code */
        currency: string;
        /** minor units (分/cents) */
        amount: number;
        method?: string | null;
        remittanceInvoiceNumbers?: Array<string>;
        note?: string | null;
        autoAllocate?: boolean;
      };
      response: {
        id: number;
        entityId: number;
        entityCode: string;
        customerId: number;
        customerCode: string;
        customerName: string;
        reference: string;
        /** calendar date YYYY-MM-DD */
        receivedDate: string;
        currency: string;
        /** amount in the currency minor unit (分/cents) */
        amount: number;
        /** amount in the currency minor unit (分/cents) */
        allocatedAmount: number;
        /** amount in the currency minor unit (分/cents) */
        unappliedAmount: number;
        method: string | null;
        remittanceInvoiceNumbers: Array<string>;
        note: string | null;
        /** calendar date YYYY-MM-DD */
        reversedOn: string | null;
        reversalReason: string | null;
        allocations: Array<{
          id: number;
          invoiceId: number;
          invoiceNumber: string;
          /** amount in the currency minor unit (分/cents) */
          amount: number;
          /** calendar date YYYY-MM-DD */
          effectiveOn: string;
          /** calendar date YYYY-MM-DD */
          reversedOn: string | null;
          method: string;
        }>;
      };
    };
  };
  "/api/payments/{id}": {
    get: {
      params: {
        id: number;
      };
      query: never;
      body: never;
      response: {
        id: number;
        entityId: number;
        entityCode: string;
        customerId: number;
        customerCode: string;
        customerName: string;
        reference: string;
        /** calendar date YYYY-MM-DD */
        receivedDate: string;
        currency: string;
        /** amount in the currency minor unit (分/cents) */
        amount: number;
        /** amount in the currency minor unit (分/cents) */
        allocatedAmount: number;
        /** amount in the currency minor unit (分/cents) */
        unappliedAmount: number;
        method: string | null;
        remittanceInvoiceNumbers: Array<string>;
        note: string | null;
        /** calendar date YYYY-MM-DD */
        reversedOn: string | null;
        reversalReason: string | null;
        allocations: Array<{
          id: number;
          invoiceId: number;
          invoiceNumber: string;
          /** amount in the currency minor unit (分/cents) */
          amount: number;
          /** calendar date YYYY-MM-DD */
          effectiveOn: string;
          /** calendar date YYYY-MM-DD */
          reversedOn: string | null;
          method: string;
        }>;
      };
    };
  };
  "/api/payments/{id}/auto-allocate": {
    post: {
      params: {
        id: number;
      };
      query: never;
      body: never;
      response: {
        id: number;
        entityId: number;
        entityCode: string;
        customerId: number;
        customerCode: string;
        customerName: string;
        reference: string;
        /** calendar date YYYY-MM-DD */
        receivedDate: string;
        currency: string;
        /** amount in the currency minor unit (分/cents) */
        amount: number;
        /** amount in the currency minor unit (分/cents) */
        allocatedAmount: number;
        /** amount in the currency minor unit (分/cents) */
        unappliedAmount: number;
        method: string | null;
        remittanceInvoiceNumbers: Array<string>;
        note: string | null;
        /** calendar date YYYY-MM-DD */
        reversedOn: string | null;
        reversalReason: string | null;
        allocations: Array<{
          id: number;
          invoiceId: number;
          invoiceNumber: string;
          /** amount in the currency minor unit (分/cents) */
          amount: number;
          /** calendar date YYYY-MM-DD */
          effectiveOn: string;
          /** calendar date YYYY-MM-DD */
          reversedOn: string | null;
          method: string;
        }>;
      };
    };
  };
  "/api/payments/{id}/reverse": {
    post: {
      params: {
        id: number;
      };
      query: never;
      body: {
        /** calendar date YYYY-MM-DD */
        reversedOn: string;
        reason: string;
      };
      response: {
        id: number;
        entityId: number;
        entityCode: string;
        customerId: number;
        customerCode: string;
        customerName: string;
        reference: string;
        /** calendar date YYYY-MM-DD */
        receivedDate: string;
        currency: string;
        /** amount in the currency minor unit (分/cents) */
        amount: number;
        /** amount in the currency minor unit (分/cents) */
        allocatedAmount: number;
        /** amount in the currency minor unit (分/cents) */
        unappliedAmount: number;
        method: string | null;
        remittanceInvoiceNumbers: Array<string>;
        note: string | null;
        /** calendar date YYYY-MM-DD */
        reversedOn: string | null;
        reversalReason: string | null;
        allocations: Array<{
          id: number;
          invoiceId: number;
          invoiceNumber: string;
          /** amount in the currency minor unit (分/cents) */
          amount: number;
          /** calendar date YYYY-MM-DD */
          effectiveOn: string;
          /** calendar date YYYY-MM-DD */
          reversedOn: string | null;
          method: string;
        }>;
      };
    };
  };
  "/api/reports/aging": {
    get: {
      params: never;
      query: {
        asOf?: string;
        basis?: "due" | "invoice";
        by?: "none" | "entity" | "customer" | "customerGroup" | "region" | "salesperson" | "collector" | "currency";
        entityId?: number;
        customerId?: number;
        currency?: string;
        reportCurrency?: string;
        format?: "json" | "csv" | "xlsx";
        locale?: "zh-CN" | "en";
        limit?: number;
        cursor?: string;
      };
      body: never;
      response: {
        /** calendar date YYYY-MM-DD */
        asOf: string;
        basis: "due" | "invoice";
        by: "none" | "entity" | "customer" | "customerGroup" | "region" | "salesperson" | "collector" | "currency";
        reportCurrency: string;
        buckets: Array<{
          index: number;
          key: string;
          minDays: number | null;
          maxDays: number | null;
          label: string;
        }>;
        totals: {
          amounts: Array<number | null>;
          counts: Array<number>;
          /** minor units of the reporting currency; null when an exchange rate is missing */
          amount: number | null;
          count: number;
          byCurrency: Array<{
            currency: string;
            amounts: Array<number>;
            counts: Array<number>;
            amount: number;
            count: number;
          }>;
        };
        groups: Array<{
          key: string;
          code: string | null;
          name: string;
          amounts: Array<number | null>;
          counts: Array<number>;
          /** minor units of the reporting currency; null when an exchange rate is missing */
          amount: number | null;
          count: number;
          byCurrency?: Array<{
            currency: string;
            amounts: Array<number>;
            counts: Array<number>;
            amount: number;
            count: number;
          }>;
        }>;
        groupCount: number;
        nextCursor: string | null;
        missingRates: Array<string>;
        conversion: string;
      };
    };
  };
  "/api/reports/aging/invoices": {
    get: {
      params: never;
      query: {
        asOf?: string;
        basis?: "due" | "invoice";
        by?: "none" | "entity" | "customer" | "customerGroup" | "region" | "salesperson" | "collector" | "currency";
        key?: string;
        bucket?: number;
        limit?: number;
        cursor?: string;
        entityId?: number;
        customerId?: number;
        currency?: string;
        reportCurrency?: string;
        format?: "json" | "csv" | "xlsx";
        locale?: "zh-CN" | "en";
      };
      body: never;
      response: {
        /** calendar date YYYY-MM-DD */
        asOf: string;
        items: Array<{
          invoiceId: number;
          number: string;
          entityId: number;
          entityCode: string;
          customerId: number;
          customerCode: string;
          customerName: string;
          currency: string;
          amount: number;
          openAmount: number;
          /** calendar date YYYY-MM-DD */
          issueDate: string;
          /** calendar date YYYY-MM-DD */
          dueDate: string;
          daysPastDue: number;
          ageDays: number;
          bucket: number;
        }>;
        nextCursor: string | null;
      };
    };
  };
  "/api/reports/cei": {
    get: {
      params: never;
      query: {
        from?: string;
        to?: string;
        entityId?: number;
        customerId?: number;
        currency?: string;
        reportCurrency?: string;
        format?: "json" | "csv" | "xlsx";
        locale?: "zh-CN" | "en";
      };
      body: never;
      response: {
        reportCurrency: string;
        period: {
          /** calendar date YYYY-MM-DD */
          from: string;
          /** calendar date YYYY-MM-DD */
          to: string;
          days: number;
          /** minor units of the reporting currency; null when an exchange rate is missing */
          openingAr: number | null;
          /** minor units of the reporting currency; null when an exchange rate is missing */
          closingAr: number | null;
          /** minor units of the reporting currency; null when an exchange rate is missing */
          closingCurrentAr: number | null;
          /** minor units of the reporting currency; null when an exchange rate is missing */
          closingOverdueAr: number | null;
          /** minor units of the reporting currency; null when an exchange rate is missing */
          creditSales: number | null;
          dso: number | null;
          countbackDso: number | null;
          bestPossibleDso: number | null;
          averageDaysDelinquent: number | null;
          cei: number | null;
          /** why the CEI figure says nothing about collections, or null */
          ceiNote: "arGrew" | "notDefined" | "aboveHundred" | null | null;
        };
        months: Array<{
          /** calendar date YYYY-MM-DD */
          from: string;
          /** calendar date YYYY-MM-DD */
          to: string;
          days: number;
          /** minor units of the reporting currency; null when an exchange rate is missing */
          openingAr: number | null;
          /** minor units of the reporting currency; null when an exchange rate is missing */
          closingAr: number | null;
          /** minor units of the reporting currency; null when an exchange rate is missing */
          closingCurrentAr: number | null;
          /** minor units of the reporting currency; null when an exchange rate is missing */
          closingOverdueAr: number | null;
          /** minor units of the reporting currency; null when an exchange rate is missing */
          creditSales: number | null;
          dso: number | null;
          countbackDso: number | null;
          bestPossibleDso: number | null;
          averageDaysDelinquent: number | null;
          cei: number | null;
          /** why the CEI figure says nothing about collections, or null */
          ceiNote: "arGrew" | "notDefined" | "aboveHundred" | null | null;
          month: string;
        }>;
        ceiSummary: {
          formula: string;
          months: number;
          period: number | null;
          /** why the CEI figure says nothing about collections, or null */
          note: "arGrew" | "notDefined" | "aboveHundred" | null | null;
          meaningful: boolean;
          monthlyAverage: number | null;
          explanation: string | null;
        };
        customers: Array<{
          customerId: number;
          customerCode: string;
          customerName: string;
          /** minor units of the reporting currency; null when an exchange rate is missing */
          paidAmount: number | null;
          avgDaysToPay: number | null;
          avgDaysLate: number | null;
          settledCount: number;
          settledLateCount: number;
          paidLateShare: number | null;
        }>;
        missingRates: Array<string>;
      };
    };
  };
  "/api/reports/dashboard": {
    get: {
      params: never;
      query: {
        entityId?: number;
        reportCurrency?: string;
        months?: number;
        format?: "json" | "csv" | "xlsx";
        locale?: "zh-CN" | "en";
      };
      body: never;
      response: {
        /** calendar date YYYY-MM-DD */
        asOf: string;
        reportCurrency: string;
        buckets: Array<{
          index: number;
          key: string;
          minDays: number | null;
          maxDays: number | null;
          label: string;
        }>;
        /** the trigger-maintained summary, or a scan of the open items */
        source: "summary" | "scan";
        totals: {
          /** minor units of the reporting currency; null when an exchange rate is missing */
          ar: number | null;
          /** minor units of the reporting currency; null when an exchange rate is missing */
          current: number | null;
          /** minor units of the reporting currency; null when an exchange rate is missing */
          overdue: number | null;
          count: number | null;
          overdueCount: number | null;
        };
        aging: Array<{
          index: number;
          key: string;
          minDays: number | null;
          maxDays: number | null;
          label: string;
          /** minor units of the reporting currency; null when an exchange rate is missing */
          amount: number | null;
          count: number | null;
        }>;
        trend: Array<{
          /** calendar date YYYY-MM-DD */
          from: string;
          /** calendar date YYYY-MM-DD */
          to: string;
          days: number;
          /** minor units of the reporting currency; null when an exchange rate is missing */
          openingAr: number | null;
          /** minor units of the reporting currency; null when an exchange rate is missing */
          closingAr: number | null;
          /** minor units of the reporting currency; null when an exchange rate is missing */
          closingCurrentAr: number | null;
          /** minor units of the reporting currency; null when an exchange rate is missing */
          closingOverdueAr: number | null;
          /** minor units of the reporting currency; null when an exchange rate is missing */
          creditSales: number | null;
          dso: number | null;
          countbackDso: number | null;
          bestPossibleDso: number | null;
          averageDaysDelinquent: number | null;
          cei: number | null;
          /** why the CEI figure says nothing about collections, or null */
          ceiNote: "arGrew" | "notDefined" | "aboveHundred" | null | null;
          month: string;
          overdueByBucket: Array<number | null>;
        }>;
        topOverdue: Array<{
          customerId: number;
          customerCode: string;
          customerName: string;
          /** minor units of the reporting currency; null when an exchange rate is missing */
          overdue: number | null;
          /** minor units of the reporting currency; null when an exchange rate is missing */
          ar: number | null;
          oldestDaysPastDue: number;
        }>;
        provision: {
          /** calendar date YYYY-MM-DD */
          asOf: string;
          method: "aging" | "matrix";
          buckets: Array<{
            label: string;
            /** minor units of the reporting currency; null when an exchange rate is missing */
            balance: number | null;
            /** a decimal fraction */
            rate: string | null;
            /** minor units of the reporting currency; null when an exchange rate is missing */
            provision: number | null;
          }>;
          specific: Array<{
            customerId: number;
            customerCode: string;
            customerName: string;
            /** a decimal fraction, e.g. "0.05" for 5 % */
            rate: string;
            /** minor units of the reporting currency; null when an exchange rate is missing */
            balance: number | null;
            /** minor units of the reporting currency; null when an exchange rate is missing */
            provision: number | null;
          }>;
          /** minor units of the reporting currency; null when an exchange rate is missing */
          collective: number | null;
          /** minor units of the reporting currency; null when an exchange rate is missing */
          specificTotal: number | null;
          /** minor units of the reporting currency; null when an exchange rate is missing */
          total: number | null;
        };
        missingRates: Array<string>;
      };
    };
  };
  "/api/reports/dso": {
    get: {
      params: never;
      query: {
        from?: string;
        to?: string;
        entityId?: number;
        customerId?: number;
        currency?: string;
        reportCurrency?: string;
        format?: "json" | "csv" | "xlsx";
        locale?: "zh-CN" | "en";
      };
      body: never;
      response: {
        reportCurrency: string;
        period: {
          /** calendar date YYYY-MM-DD */
          from: string;
          /** calendar date YYYY-MM-DD */
          to: string;
          days: number;
          /** minor units of the reporting currency; null when an exchange rate is missing */
          openingAr: number | null;
          /** minor units of the reporting currency; null when an exchange rate is missing */
          closingAr: number | null;
          /** minor units of the reporting currency; null when an exchange rate is missing */
          closingCurrentAr: number | null;
          /** minor units of the reporting currency; null when an exchange rate is missing */
          closingOverdueAr: number | null;
          /** minor units of the reporting currency; null when an exchange rate is missing */
          creditSales: number | null;
          dso: number | null;
          countbackDso: number | null;
          bestPossibleDso: number | null;
          averageDaysDelinquent: number | null;
          cei: number | null;
          /** why the CEI figure says nothing about collections, or null */
          ceiNote: "arGrew" | "notDefined" | "aboveHundred" | null | null;
        };
        months: Array<{
          /** calendar date YYYY-MM-DD */
          from: string;
          /** calendar date YYYY-MM-DD */
          to: string;
          days: number;
          /** minor units of the reporting currency; null when an exchange rate is missing */
          openingAr: number | null;
          /** minor units of the reporting currency; null when an exchange rate is missing */
          closingAr: number | null;
          /** minor units of the reporting currency; null when an exchange rate is missing */
          closingCurrentAr: number | null;
          /** minor units of the reporting currency; null when an exchange rate is missing */
          closingOverdueAr: number | null;
          /** minor units of the reporting currency; null when an exchange rate is missing */
          creditSales: number | null;
          dso: number | null;
          countbackDso: number | null;
          bestPossibleDso: number | null;
          averageDaysDelinquent: number | null;
          cei: number | null;
          /** why the CEI figure says nothing about collections, or null */
          ceiNote: "arGrew" | "notDefined" | "aboveHundred" | null | null;
          month: string;
        }>;
        ceiSummary: {
          formula: string;
          months: number;
          period: number | null;
          /** why the CEI figure says nothing about collections, or null */
          note: "arGrew" | "notDefined" | "aboveHundred" | null | null;
          meaningful: boolean;
          monthlyAverage: number | null;
          explanation: string | null;
        };
        customers: Array<{
          customerId: number;
          customerCode: string;
          customerName: string;
          /** minor units of the reporting currency; null when an exchange rate is missing */
          paidAmount: number | null;
          avgDaysToPay: number | null;
          avgDaysLate: number | null;
          settledCount: number;
          settledLateCount: number;
          paidLateShare: number | null;
        }>;
        missingRates: Array<string>;
      };
    };
  };
  "/api/reports/provisions": {
    get: {
      params: never;
      query: {
        asOf?: string;
        entityId?: number;
        reportCurrency?: string;
        format?: "json" | "csv" | "xlsx";
        locale?: "zh-CN" | "en";
      };
      body: never;
      response: {
        /** calendar date YYYY-MM-DD */
        asOf: string;
        reportCurrency: string;
        /** the trigger-maintained summary, or a scan of the open items */
        source: "summary" | "scan";
        method: "aging" | "matrix";
        aging: {
          buckets: Array<{
            index: number;
            key: string;
            minDays: number | null;
            maxDays: number | null;
            label: string;
            /** minor units of the reporting currency; null when an exchange rate is missing */
            balance: number | null;
            /** minor units of the reporting currency; null when an exchange rate is missing */
            provision: number | null;
            /** a decimal fraction, e.g. "0.05" for 5 % */
            rate: string;
          }>;
          /** minor units of the reporting currency; null when an exchange rate is missing */
          balance: number | null;
          /** minor units of the reporting currency; null when an exchange rate is missing */
          provision: number | null;
        };
        matrix: {
          lookbackMonths: number;
          /** calendar date YYYY-MM-DD */
          windowStart: string;
          /** a decimal fraction, e.g. "0.05" for 5 % */
          finalBucketLossRate: string;
          /** a decimal fraction, e.g. "0.05" for 5 % */
          forwardLookingFactor: string;
          buckets: Array<{
            index: number;
            key: string;
            minDays: number | null;
            maxDays: number | null;
            label: string;
            /** minor units of the reporting currency; null when an exchange rate is missing */
            balance: number | null;
            /** minor units of the reporting currency; null when an exchange rate is missing */
            provision: number | null;
            /** minor units of the reporting currency; null when an exchange rate is missing */
            enteredAmount: number | null;
            /** minor units of the reporting currency; null when an exchange rate is missing */
            rolledAmount: number | null;
            /** a decimal fraction */
            rollRate: string | null;
            /** a decimal fraction */
            historicalLossRate: string | null;
            /** a decimal fraction */
            lossRate: string | null;
          }>;
          /** minor units of the reporting currency; null when an exchange rate is missing */
          balance: number | null;
          /** minor units of the reporting currency; null when an exchange rate is missing */
          provision: number | null;
        };
        specific: {
          customers: Array<{
            customerId: number;
            customerCode: string;
            customerName: string;
            /** a decimal fraction, e.g. "0.05" for 5 % */
            rate: string;
            reason: string;
            /** minor units of the reporting currency; null when an exchange rate is missing */
            balance: number | null;
            /** minor units of the reporting currency; null when an exchange rate is missing */
            provision: number | null;
          }>;
          /** minor units of the reporting currency; null when an exchange rate is missing */
          balance: number | null;
          /** minor units of the reporting currency; null when an exchange rate is missing */
          provision: number | null;
        };
        booked: {
          /** minor units of the reporting currency; null when an exchange rate is missing */
          collective: number | null;
          /** minor units of the reporting currency; null when an exchange rate is missing */
          specific: number | null;
          /** minor units of the reporting currency; null when an exchange rate is missing */
          total: number | null;
        };
        /** how the figures were derived, in English */
        derivation: Array<string>;
        missingRates: Array<string>;
      };
    };
  };
  "/api/reports/settings": {
    get: {
      params: never;
      query: never;
      body: never;
      response: {
        dueBuckets: Array<number>;
        ageBuckets: Array<number>;
        agingMethod: {
          edges: Array<number>;
          rates: Array<string>;
        };
        provisionMatrix: {
          lookbackMonths: number;
          /** a decimal fraction, e.g. "0.05" for 5 % */
          finalBucketLossRate: string;
          /** a decimal fraction, e.g. "0.05" for 5 % */
          forwardLookingFactor: string;
        };
        provisionMethod: "aging" | "matrix";
        specificProvisions: Array<{
          customerId: number;
          customerCode: string;
          customerName: string;
          /** a decimal fraction, e.g. "0.05" for 5 % */
          rate: string;
          reason: string;
        }>;
      };
    };
    patch: {
      params: never;
      query: never;
      body: {
        [key: string]: unknown;
      };
      response: {
        dueBuckets: Array<number>;
        ageBuckets: Array<number>;
        agingMethod: {
          edges: Array<number>;
          rates: Array<string>;
        };
        provisionMatrix: {
          lookbackMonths: number;
          /** a decimal fraction, e.g. "0.05" for 5 % */
          finalBucketLossRate: string;
          /** a decimal fraction, e.g. "0.05" for 5 % */
          forwardLookingFactor: string;
        };
        provisionMethod: "aging" | "matrix";
        specificProvisions: Array<{
          customerId: number;
          customerCode: string;
          customerName: string;
          /** a decimal fraction, e.g. "0.05" for 5 % */
          rate: string;
          reason: string;
        }>;
      };
    };
  };
  "/api/reports/specific-provisions/{id}": {
    delete: {
      params: {
        id: number;
      };
      query: never;
      body: never;
      response: {
        dueBuckets: Array<number>;
        ageBuckets: Array<number>;
        agingMethod: {
          edges: Array<number>;
          rates: Array<string>;
        };
        provisionMatrix: {
          lookbackMonths: number;
          /** a decimal fraction, e.g. "0.05" for 5 % */
          finalBucketLossRate: string;
          /** a decimal fraction, e.g. "0.05" for 5 % */
          forwardLookingFactor: string;
        };
        provisionMethod: "aging" | "matrix";
        specificProvisions: Array<{
          customerId: number;
          customerCode: string;
          customerName: string;
          /** a decimal fraction, e.g. "0.05" for 5 % */
          rate: string;
          reason: string;
        }>;
      };
    };
    put: {
      params: {
        id: number;
      };
      query: never;
      body: {
        rate: string;
        reason: string;
      };
      response: {
        dueBuckets: Array<number>;
        ageBuckets: Array<number>;
        agingMethod: {
          edges: Array<number>;
          rates: Array<string>;
        };
        provisionMatrix: {
          lookbackMonths: number;
          /** a decimal fraction, e.g. "0.05" for 5 % */
          finalBucketLossRate: string;
          /** a decimal fraction, e.g. "0.05" for 5 % */
          forwardLookingFactor: string;
        };
        provisionMethod: "aging" | "matrix";
        specificProvisions: Array<{
          customerId: number;
          customerCode: string;
          customerName: string;
          /** a decimal fraction, e.g. "0.05" for 5 % */
          rate: string;
          reason: string;
        }>;
      };
    };
  };
  "/api/reports/statement": {
    get: {
      params: never;
      query: {
        customerId: number;
        from?: string;
        to?: string;
        entityId?: number;
        format?: "json" | "csv" | "xlsx";
        locale?: "zh-CN" | "en";
      };
      body: never;
      response: {
        customer: {
          id: number;
          code: string;
          name: string;
          taxId: string | null;
        };
        /** the issuing entities (法人主体) of the statement, for its header */
        entities: Array<{
          id: number;
          code: string;
          name: string;
          country: string;
        }>;
        /** calendar date YYYY-MM-DD */
        from: string;
        /** calendar date YYYY-MM-DD */
        to: string;
        /** calendar date YYYY-MM-DD */
        openingDate: string;
        buckets: Array<{
          index: number;
          key: string;
          minDays: number | null;
          maxDays: number | null;
          label: string;
        }>;
        sections: Array<{
          currency: string;
          openingBalance: number;
          lines: Array<{
            /** calendar date YYYY-MM-DD */
            date: string;
            kind: "invoice" | "payment" | "payment_reversal" | "credit_note" | "write_off";
            id: number;
            entityId: number;
            reference: string;
            currency: string;
            amount: number;
            /** YYYY-MM-DD */
            dueDate: string | null;
            debit: number;
            credit: number;
            balance: number;
          }>;
          totalDebit: number;
          totalCredit: number;
          closingBalance: number;
          aging: {
            buckets: Array<number>;
            counts: Array<number>;
            openInvoices: number;
          };
          unapplied: number;
          reconciled: boolean;
        }>;
      };
    };
  };
  "/api/staff": {
    get: {
      params: never;
      query: {
        q?: string;
      };
      body: never;
      response: {
        items: Array<{
          id: number;
          displayName: string;
          roles: Array<"collector" | "salesperson">;
        }>;
      };
    };
  };
  "/api/tokens": {
    get: {
      params: never;
      query: {
        userId?: number;
        all?: boolean;
      };
      body: never;
      response: {
        items: Array<{
          id: number;
          userId: number;
          username: string;
          name: string;
          prefix: string;
          scope: "read" | "write";
          createdAt: string;
          expiresAt: string | null;
          lastUsedAt: string | null;
          revokedAt: string | null;
        }>;
        nextCursor: null | null;
      };
    };
    post: {
      params: never;
      query: never;
      body: {
        name: string;
        scope: "read" | "write";
        expiresInDays?: number;
        userId?: number;
      };
      response: {
        id: number;
        userId: number;
        username: string;
        name: string;
        prefix: string;
        scope: "read" | "write";
        createdAt: string;
        expiresAt: string | null;
        lastUsedAt: string | null;
        revokedAt: string | null;
      } & {
        token: string;
      };
    };
  };
  "/api/tokens/{id}": {
    delete: {
      params: {
        id: number;
      };
      query: never;
      body: never;
      response: {
        id: number;
        userId: number;
        username: string;
        name: string;
        prefix: string;
        scope: "read" | "write";
        createdAt: string;
        expiresAt: string | null;
        lastUsedAt: string | null;
        revokedAt: string | null;
      };
    };
  };
  "/api/users": {
    get: {
      params: never;
      query: {
        q?: string;
        role?: "admin" | "credit_manager" | "collection_manager" | "collector" | "salesperson" | "finance" | "auditor";
        includeDisabled?: boolean;
      };
      body: never;
      response: {
        items: Array<{
          id: number;
          username: string;
          displayName: string;
          email: string | null;
          disabled: boolean;
          hasPassword: boolean;
          roles: Array<{
            role: string;
            entityId: number | null;
            entityCode: string | null;
          }>;
          lastLoginAt: string | null;
          lockedUntil: string | null;
          createdAt: string;
        }>;
        nextCursor: null | null;
      };
    };
    post: {
      params: never;
      query: never;
      body: {
        username: string;
        displayName: string;
        email?: string | null;
        password?: string | null;
        roles?: Array<{
          role: string;
          entityId?: number | null;
          entityCode?: string | null;
        }>;
      };
      response: {
        id: number;
        username: string;
        displayName: string;
        email: string | null;
        disabled: boolean;
        hasPassword: boolean;
        roles: Array<{
          role: string;
          entityId: number | null;
          entityCode: string | null;
        }>;
        lastLoginAt: string | null;
        lockedUntil: string | null;
        createdAt: string;
      };
    };
  };
  "/api/users/{id}": {
    patch: {
      params: {
        id: number;
      };
      query: never;
      body: {
        displayName?: string;
        email?: string | null;
        password?: string;
        disabled?: boolean;
      };
      response: {
        id: number;
        username: string;
        displayName: string;
        email: string | null;
        disabled: boolean;
        hasPassword: boolean;
        roles: Array<{
          role: string;
          entityId: number | null;
          entityCode: string | null;
        }>;
        lastLoginAt: string | null;
        lockedUntil: string | null;
        createdAt: string;
      };
    };
  };
  "/api/users/{id}/roles": {
    put: {
      params: {
        id: number;
      };
      query: never;
      body: {
        roles: Array<{
          role: string;
          entityId?: number | null;
          entityCode?: string | null;
        }>;
      };
      response: {
        id: number;
        username: string;
        displayName: string;
        email: string | null;
        disabled: boolean;
        hasPassword: boolean;
        roles: Array<{
          role: string;
          entityId: number | null;
          entityCode: string | null;
        }>;
        lastLoginAt: string | null;
        lockedUntil: string | null;
        createdAt: string;
      };
    };
  };
  "/api/write-offs": {
    post: {
      params: never;
      query: never;
      body: {
        invoiceId: number;
        /** minor units (分/cents) */
        amount: number;
        /** calendar date YYYY-MM-DD */
        writtenOffOn: string;
        reason: string;
      };
      response: {
        id: number;
        invoiceId: number;
        invoiceNumber: string;
        customerId: number;
        currency: string;
        /** amount in the currency minor unit (分/cents) */
        amount: number;
        /** calendar date YYYY-MM-DD */
        writtenOffOn: string;
        reason: string;
        allocationId: number;
        /** amount in the currency minor unit (分/cents) */
        invoiceOpenAmount: number;
      } | {
        status: "pending_approval";
        approval: {
          id: number;
          /** payment_plan, write_off, interest_waiver, credit_exception, … */
          kind: string;
          status: "pending" | "approved" | "rejected" | "cancelled" | "expired";
          entityId: number;
          entityCode: string;
          customerId: number;
          customerCode: string;
          customerName: string;
          subjectId: number | null;
          subjectLabel: string;
          /** minor units (分/cents) */
          amount: number;
          currency: string;
          reason: string;
          requestedBy: number | null;
          requesterName: string | null;
          /** ISO timestamp */
          requestedAt: string;
          requestedOn: string;
          expiresOn: string;
          resolvedAt: string | null;
          steps: Array<Array<string>>;
          currentStep: number | null;
          decisions: Array<{
            step: number;
            decision: "approved" | "rejected" | "cancelled";
            deciderId: number | null;
            deciderName: string | null;
            /** ISO timestamp */
            decidedAt: string;
            comment: string | null;
          }>;
          /** the caller may approve or reject the current step */
          canDecide: boolean;
          /** the caller requested it and it is still pending */
          canCancel: boolean;
        };
      };
    };
  };
}
