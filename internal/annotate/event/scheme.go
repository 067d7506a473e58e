package event

// Event types, as written into doc.Event.Type: ACLED's six event types in
// snake case.
const (
	Battles                 = "battles"
	ExplosionsRemote        = "explosions_remote_violence"
	ViolenceAgainstCivilian = "violence_against_civilians"
	Protests                = "protests"
	Riots                   = "riots"
	StrategicDevelopments   = "strategic_developments"
)

// Sub-types that the stage itself assigns (not only the lexicon), named so
// the code that picks them reads as ACLED does.
const (
	subArmedClash = "armed_clash"
	subAttack     = "attack"
)

// subtype is one row of the scheme: the codes, ACLED's labels for them, and
// whether fatalities are reported for events of that kind.
type subtype struct {
	typ, sub  string
	typeLabel string // ACLED's event type label
	label     string // ACLED's sub-event type label ("Other" for extensions)
	violent   bool   // fatalities are attached to it
	extension bool   // a claimtrace label exported as ACLED's "Other"
}

// scheme lists the rows. It builds a fresh slice on each call, so no package
// state exists that a caller could change.
func scheme() []subtype {
	return []subtype{
		{typ: Battles, typeLabel: "Battles", sub: "armed_clash", label: "Armed clash", violent: true},
		{typ: Battles, typeLabel: "Battles", sub: "government_regains_territory", label: "Government regains territory", violent: true},
		{typ: Battles, typeLabel: "Battles", sub: "non_state_actor_overtakes_territory", label: "Non-state actor overtakes territory", violent: true},
		{typ: ExplosionsRemote, typeLabel: "Explosions/Remote violence", sub: "chemical_weapon", label: "Chemical weapon", violent: true},
		{typ: ExplosionsRemote, typeLabel: "Explosions/Remote violence", sub: "air_drone_strike", label: "Air/drone strike", violent: true},
		{typ: ExplosionsRemote, typeLabel: "Explosions/Remote violence", sub: "suicide_bomb", label: "Suicide bomb", violent: true},
		{typ: ExplosionsRemote, typeLabel: "Explosions/Remote violence", sub: "shelling_artillery_missile_attack", label: "Shelling/artillery/missile attack", violent: true},
		{typ: ExplosionsRemote, typeLabel: "Explosions/Remote violence", sub: "remote_explosive_landmine_ied", label: "Remote explosive/landmine/IED", violent: true},
		{typ: ExplosionsRemote, typeLabel: "Explosions/Remote violence", sub: "grenade", label: "Grenade", violent: true},
		{typ: ViolenceAgainstCivilian, typeLabel: "Violence against civilians", sub: "sexual_violence", label: "Sexual violence", violent: true},
		{typ: ViolenceAgainstCivilian, typeLabel: "Violence against civilians", sub: "attack", label: "Attack", violent: true},
		{typ: ViolenceAgainstCivilian, typeLabel: "Violence against civilians", sub: "abduction_forced_disappearance", label: "Abduction/forced disappearance", violent: true},
		{typ: Protests, typeLabel: "Protests", sub: "peaceful_protest", label: "Peaceful protest"},
		{typ: Protests, typeLabel: "Protests", sub: "protest_with_intervention", label: "Protest with intervention", violent: true},
		{typ: Protests, typeLabel: "Protests", sub: "excessive_force_against_protesters", label: "Excessive force against protesters", violent: true},
		{typ: Riots, typeLabel: "Riots", sub: "violent_demonstration", label: "Violent demonstration", violent: true},
		{typ: Riots, typeLabel: "Riots", sub: "mob_violence", label: "Mob violence", violent: true},
		{typ: StrategicDevelopments, typeLabel: "Strategic developments", sub: "agreement", label: "Agreement"},
		{typ: StrategicDevelopments, typeLabel: "Strategic developments", sub: "arrests", label: "Arrests"},
		{typ: StrategicDevelopments, typeLabel: "Strategic developments", sub: "change_to_group_activity", label: "Change to group/activity"},
		{typ: StrategicDevelopments, typeLabel: "Strategic developments", sub: "disrupted_weapons_use", label: "Disrupted weapons use"},
		{typ: StrategicDevelopments, typeLabel: "Strategic developments", sub: "headquarters_or_base_established", label: "Headquarters or base established"},
		{typ: StrategicDevelopments, typeLabel: "Strategic developments", sub: "looting_property_destruction", label: "Looting/property destruction"},
		{typ: StrategicDevelopments, typeLabel: "Strategic developments", sub: "non_violent_transfer_of_territory", label: "Non-violent transfer of territory"},
		{typ: StrategicDevelopments, typeLabel: "Strategic developments", sub: "other", label: "Other"},
		{typ: StrategicDevelopments, typeLabel: "Strategic developments", sub: "prisoner_transfer", label: "Other", extension: true},
		{typ: StrategicDevelopments, typeLabel: "Strategic developments", sub: "troop_movement", label: "Other", extension: true},
		{typ: StrategicDevelopments, typeLabel: "Strategic developments", sub: "patrol", label: "Other", extension: true},
		{typ: StrategicDevelopments, typeLabel: "Strategic developments", sub: "curfew", label: "Other", extension: true},
		{typ: StrategicDevelopments, typeLabel: "Strategic developments", sub: "prison_break", label: "Other", extension: true},
	}
}

// Labels returns ACLED's labels for a type and sub-type code ("Explosions/
// Remote violence", "Air/drone strike"), so exporters write ACLED's own
// vocabulary. claimtrace's finer strategic-development sub-types come back
// as "Other", which is where ACLED files them. ok is false for unknown codes.
func Labels(typ, sub string) (eventType, subEventType string, ok bool) {
	for _, r := range scheme() {
		if r.typ == typ && r.sub == sub {
			return r.typeLabel, r.label, true
		}
	}
	return "", "", false
}

// Valid reports whether typ/sub is a pair of the scheme, so callers that
// read events from elsewhere can reject codes this package never writes.
func Valid(typ, sub string) bool {
	_, _, ok := Labels(typ, sub)
	return ok
}
