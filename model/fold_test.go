package model

import (
	"testing"

	"golang.org/x/text/unicode/norm"
)

func TestFold(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Ba Đình", "ba dinh"},
		{norm.NFD.String("Hội nghị"), "hoi nghi"},
		{"Hội nghị", "hoi nghi"},
		{"đường ĐÊ", "duong de"},
		{"Café Noël", "cafe noel"},
		{"ABC 123", "abc 123"},
		{"", ""},
	}
	for _, tt := range tests {
		if got := Fold(tt.in); got != tt.want {
			t.Errorf("Fold(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestFoldIndexMapsBack(t *testing.T) {
	for _, s := range []string{"Quận Ba Đình đã tổ chức", norm.NFD.String("Quận Ba Đình đã tổ chức")} {
		f, idx := FoldIndex(s)
		if len(idx) != len(f)+1 {
			t.Fatalf("len(idx) = %d, want %d", len(idx), len(f)+1)
		}
		i := len("quan ba ")
		j := i + len("dinh")
		if f[i:j] != "dinh" {
			t.Fatalf("folded %q", f)
		}
		if got := norm.NFC.String(s[idx[i]:idx[j]]); got != "Đình" {
			t.Errorf("match maps back to %q, want Đình", got)
		}
	}
}

// Fold and FoldIndex fold alike: Fold has a quicker path of its own.
func FuzzFoldAgrees(f *testing.F) {
	for _, s := range []string{"Ba Đình", norm.NFD.String("Hội nghị"), "ABC def", "İstanbul ǅ ß Ω", "\xff\xfe", "Ǆ"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		want, _ := FoldIndex(s)
		if got := Fold(s); got != want {
			t.Errorf("Fold(%q) = %q, FoldIndex gives %q", s, got, want)
		}
	})
}
