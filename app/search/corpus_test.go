package search

import (
	"cmp"
	"slices"

	"github.com/devrel-patterns/explorer/app/corpus"
)

// handCorpus is a small hand-built corpus for ranking tests.
func handCorpus() *corpus.Corpus {
	docs := []corpus.Doc{
		{
			Slug: "ambassadors", Title: "Ambassadors", Blocks: []string{"Social"}, Tags: []string{"devrel", "community"},
			Aliases:     []string{"Champions", "MVPs", "Experts", "Heroes"},
			SummaryText: "Recruit enthusiastic members of your community into an ambassador program.",
			Sections: []corpus.Section{
				{Label: "Problem", Text: "You want to extend the reach of your efforts beyond your team."},
				{Label: "Solution", Text: "Find people at your booth or in your forums, give them swag and early access."},
			},
		},
		{
			Slug: "swag", Title: "Swag", Blocks: []string{"Marketing"}, Tags: []string{"devrel", "events"},
			Aliases:     []string{"Merchandise", "Giveaways"},
			SummaryText: "Stickers, t-shirts and socks that developers take home from events.",
			Sections: []corpus.Section{
				{Label: "Problem", Text: "Developers forget your booth the moment they leave the hall."},
			},
		},
		{
			Slug: "training", Title: "Training", Blocks: []string{"Education"}, Tags: []string{"devrel", "learning"},
			SummaryText: "Teach developers your platform in structured sessions.",
			Sections: []corpus.Section{
				{Label: "Solution", Text: "Run hands-on sessions with exercises and a trainer who knows the product."},
			},
			Variants: []corpus.Variant{
				{Names: []string{"Brown Bag", "Lunch-n-Learn"}, Text: "An informal talk over lunch, open to everyone in the company."},
				{Names: []string{"Bootcamp"}, Text: "Several days of intensive exercises."},
			},
		},
		{
			Slug: "booth", Title: "Booth", Blocks: []string{"Events", "Marketing"}, Tags: []string{"devrel", "events"},
			Aliases:     []string{"Expo Stand"},
			SummaryText: "A stand at a conference where developers meet your team.",
			Sections: []corpus.Section{
				{Label: "Solution", Text: "Bring swag, a demo and engineers; ask an ambassador to help staff it."},
			},
		},
		{
			Slug: "hackathon", Title: "Hackathon", Blocks: []string{"Events"}, Tags: []string{"devrel", "events"},
			Aliases:     []string{"Hack Day", "Codefest"},
			SummaryText: "Developers build projects with your platform against the clock.",
			Sections: []corpus.Section{
				{Label: "Context", Text: "A sponsor may pay for prizes and food."},
			},
		},
		{
			Slug: "sponsorship", Title: "Sponsorship", Blocks: []string{"Events"}, Tags: []string{"devrel", "money"},
			SummaryText: "Paying an event or an open source project to show your name to its audience.",
			Sections: []corpus.Section{
				{Label: "Solution", Text: "Choose events whose audience matches yours; a sponsor gets a booth and a talk."},
			},
		},
		{
			Slug: "cafe-uber", Title: "Café Über", Blocks: []string{"Social"},
			SummaryText: "An informal meeting over coffee in a café.",
		},
		{
			Slug: "meetup", Title: "Meetup", Blocks: []string{"Events"},
			SummaryText: "A small recurring evening event.",
		},
		{
			Slug: "a-meetup", Kind: corpus.KindPage, Title: "Meetup",
			SummaryText: "A small recurring evening event.",
		},
		{
			Slug: "glossary", Kind: corpus.KindPage, Title: "Glossary", Tags: []string{"reference"},
			SummaryText: "Terms used across the patterns: ambassadors, swag, training and more.",
		},
	}
	sortDocs(docs)
	c := &corpus.Corpus{Docs: docs}
	c.Words = Vocabulary(c.Docs)
	return c
}

// sortDocs sorts docs by slug, as the compiler does.
func sortDocs(docs []corpus.Doc) {
	slices.SortFunc(docs, func(a, b corpus.Doc) int { return cmp.Compare(a.Slug, b.Slug) })
}
