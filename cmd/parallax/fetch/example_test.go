package fetch_test

import (
	"fmt"

	"parallax/cmd/parallax/fetch"
)

func ExampleCheckURL() {
	for _, link := range []string{
		"HTTPS://News.Example.ORG/story#comments",
		"http://0x7f.1/admin",
		"http://169.254.169.254/latest/meta-data/",
		"file:///etc/passwd",
	} {
		u, err := fetch.CheckURL(link)
		if err != nil {
			fmt.Println(fetch.Message(err))
			continue
		}
		fmt.Println(u)
	}
	// Output:
	// https://news.example.org/story
	// that address is not allowed
	// that address is not allowed
	// only http and https links can be imported
}
