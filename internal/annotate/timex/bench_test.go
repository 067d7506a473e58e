package timex

import (
	"strings"
	"testing"
	"time"
)

// benchText is about 5 KB of mixed news prose in several languages with a
// realistic density of dates, numbers and weekdays.
func benchText() string {
	paras := []string{
		"Op 20 januari 2022 vielen ongeveer 3.500 strijders de gevangenis aan. De minister zei donderdag dat sinds 2015 meer dan 200 gevangenen zijn ontsnapt; een maand geleden werd een inval gedaan.",
		"On January 20, 2022, the group attacked the prison in the city, and by Monday 154 people had been killed. Officials said last Tuesday that the operation, launched at the end of 2017, cost 8000 dollars.",
		"في 20 يناير 2022 هاجم مسلحو التنظيم سجن الصناعة في الحسكة، وقال مصدر ميداني يوم الثلاثاء إن نحو 3500 عنصر شاركوا في الهجوم منذ 3 أيام، وفي نهاية العام 2017 أعيد ربط الحدود.",
		"Le 3 mars 2023, le ministre a déclaré que 120 personnes avaient été arrêtées depuis 2019; il y a 2 semaines, une patrouille a été attaquée à 55 km de la frontière.",
		"Am 5. Mai 2021 meldete die Polizei 12 Festnahmen; seit 2015 sind mehr als 300 Kämpfer geflohen, sagte der Sprecher am letzten Freitag um 15:23 Uhr.",
		"El 3 de marzo de 2023 murieron 14 personas; hace 2 meses el gobierno anunció 500 detenciones. 12 марта 2022 года в 2019 году; 3 Mart 2023 tarihinde 40 kişi.",
	}
	var b strings.Builder
	for b.Len() < 5000 {
		for _, p := range paras {
			b.WriteString(p)
			b.WriteString("\n\n")
		}
	}
	return b.String()
}

func BenchmarkFind(b *testing.B) {
	s := newStage(b, DefaultConfig())
	text := benchText()
	pub := time.Date(2022, 2, 9, 0, 0, 0, 0, time.UTC)
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	for b.Loop() {
		s.Find(text, "", &pub)
	}
}
