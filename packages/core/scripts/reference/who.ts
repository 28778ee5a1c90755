/**
 * Who may send each command. The role is read from the rule that checks it (AUTH-ROLE); which
 * organization may act is written here from the deciders (`organizer`, `forUnit`, `held`, ... in
 * packages/core/src/<part>/decide.ts), since it is code, not data. A refusal of either names its
 * rule: AUTH-ROLE for the role, AUTH-SUBTREE (or C2, A1) for the organization.
 */
import { type Command, Organization, Rule } from "../../src/index.js"

/** The roles the command accepts, by the AUTH-ROLE guard itself. */
export const rolesFor = (tag: Command.CommandType): ReadonlyArray<Organization.Role> =>
  Organization.Role.literals.filter((role) => Rule.byId["AUTH-ROLE"].guards.roleFor(role, tag)._tag === "Success")

const organizer =
  "the campaign's organizer: its issuer, a level above the issuer, or the issuer's successor once the issuer was restructured away (AUTH-SUBTREE)"
const forUnit = (what: string) =>
  `an organization whose subtree contains ${what} on \`at\`, which lies in the campaign's scope: the issuer's subtree, or its cluster (AUTH-SUBTREE)`
const holder =
  "the organization that holds the nomination's file: the one that proposed it or that it was submitted to, or that organization's successor (AUTH-SUBTREE)"
const initiativeUnit = "an organization whose subtree contains the initiative's unit (AUTH-SUBTREE)"

/** Which organization may send each command. */
export const organizations: { readonly [T in Command.CommandType]: string } = {
  RegisterOrganization:
    "without `parentId`, the organization itself (a root registers itself: how a tenant's directory starts); with `parentId`, an organization in operation whose subtree contains the parent (AUTH-SUBTREE)",
  MoveOrganization: "an organization in operation whose subtree contains both the organization and its new parent",
  RestructureOrganization:
    "an organization in operation whose subtree contains the organization and, when named, its successor",
  FormCluster: "an organization in operation whose subtree contains every member; it becomes the cluster's organizer",
  RegisterMember:
    "an organization in operation whose subtree contains the unit; the unit is a grassroots union or a group, or of a level below the actor's (D1)",
  TransferMember:
    "an organization in operation whose subtree contains both the member's unit on `at` and the new unit; the new unit is a grassroots union or a group, or of a level below the actor's (D1)",
  RecordLeave: "an organization in operation whose subtree contains the member's unit on `at`",
  RecordDiscipline: "an organization in operation whose subtree contains the member's unit on `at`",
  RateMember: "the member's unit on `at` or an organization above it",
  RateUnit: "an organization strictly above the unit on `at` (E1)",
  AssignSeat: "an organization in operation whose subtree contains the organization of the body",
  EndSeat: "an organization in operation whose subtree contains the organization of the body",
  RecordDeparture: "the executive of an organization in operation whose subtree contains the member's unit",
  PlanCampaign:
    "the issuer (`issuerId`, in operation on `at`) or a level above it (C2); with `clusterId`, the cluster must be one the issuer organizes (C1)",
  LaunchCampaign: "the issuer or a level above it, or its successor (C2); a pilot unit lies in the issuer's subtree",
  SchedulePhase: organizer,
  OpenPhase: organizer,
  ClosePhase: organizer,
  EnrollParticipant: forUnit("the unit"),
  SignPledge:
    "for a cluster covenant (`clusterId`), a member of the cluster or its organizer (or a level above it); otherwise an organization whose subtree contains every signer. Signers lie in the campaign's scope; a registration's subject is one of its signers",
  ApproveRegistration: organizer,
  RejectRegistration: organizer,
  RecordInitiative: `${forUnit("the unit")}; the unit is enrolled`,
  ApplyInitiative: initiativeUnit,
  RecognizeInitiative: `${initiativeUnit}; its level must be competent for the scope recognised (I2)`,
  RejectInitiative: initiativeUnit,
  PlaqueWork: `${initiativeUnit}; it grants the plaque`,
  AssessScore:
    "for `self`, the unit or a level above it; for `cross`, also a peer participant of the campaign or the organizer (AUTH-SUBTREE); the actor's organization is recorded as the assessor",
  HoldInterimReview: organizer,
  EndCampaign: organizer,
  HoldFinalReview: organizer,
  ProposeNomination: `${forUnit("the subject's unit")}; it becomes the proposer and holds the file`,
  HoldDeliberation: holder,
  PublishNominees: `${holder}, for every nomination listed`,
  SubmitNomination: `${holder}; it is sent to the holder's direct parent (A2)`,
  DecideNomination: `${holder}; deciding \`achievedAtLevel\` needs a level that may grant the kind (A1)`,
  GrantAward:
    "an organization whose level may grant the kind (A1) and whose subtree contains the recipient's unit, in the campaign's scope; with `nominationId`, the holder that decided it `achievedAtLevel` (A3)",
  PresentAward:
    "the grantor (or its successor), or an organization on the line between the grantor and the recipient's unit (AUTH-SUBTREE)",
  RevokeAward: "the grantor, a level above it, or its successor (AUTH-SUBTREE)",
  ReplicateExemplar: organizer,
  CloseCampaign: organizer,
  CancelCampaign: organizer
}
