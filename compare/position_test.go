package compare

import "testing"

func TestVoicesPosition(t *testing.T) {
	for _, tc := range []struct {
		text string
		want bool
	}{
		{"Blinken assured Arab leaders that Washington opposes the forcible displacement of Palestinians from Gaza.", true},
		{"The top US diplomat said that Saudi Arabia still has a “strong interest” in normalizing relations with Israel.", true},
		{"“On all of my previous visits here, we have pressed Israel in concrete ways to strengthen civilian protection.”", true},
		{"“They cannot, they must not, be pressed to leave Gaza,” Blinken said.", true},
		{"Netanyahu vowed that Israel would fight on to achieve “absolute victory.”", true},
		{"Israel won’t accept a Palestinian state, Netanyahu said.", true},
		{"“And we will continue to work relentlessly to achieve it,” Blinken said at a press conference in Doha Tuesday.", false}, // a press conference is not pressing
		{"He also plans to visit the West Bank headquarters of the Palestinian Authority.", false},
		{"Blinken took a call from the Saudi crown prince.", false},
		{"Some families of Gaza hostages rallied outside the meeting.", false},
		{"", false},
	} {
		if got := voicesPosition(tc.text); got != tc.want {
			t.Errorf("voicesPosition(%q) = %v, want %v", tc.text, got, tc.want)
		}
	}
}
