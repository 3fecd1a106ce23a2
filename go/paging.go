package modelarts

// Paging and waiting, for every operation alike. Paging follows the contract: `offset` is a
// 0-based page index and page n holds records n*limit .. n*limit+limit-1; a page's records are
// the one array of its success body, the total its Count or Total field.

import (
	"context"
	"fmt"
	"iter"
	"reflect"
	"time"
)

// All yields every record of a pageable operation, fetching page 0, 1, ... of size limit with
// fetch (which returns the generated response, e.g. from ListProcessorTasksWithResponse), and
// stops at the reported total or at a short page.
//
//	for task, err := range modelarts.All[processortasks.DescribeProcessorTaskResp](ctx, 50,
//		func(ctx context.Context, page int) (any, error) {
//			offset := processortasks.Offset(page)
//			return c.ListProcessorTasksWithResponse(ctx, c.ProjectID(), &processortasks.ListProcessorTasksParams{Offset: &offset, Limit: &limit})
//		}) { ... }
func All[T any](ctx context.Context, limit int, fetch func(ctx context.Context, page int) (any, error)) iter.Seq2[T, error] {
	return func(yield func(T, error) bool) {
		var zero T
		seen := 0
		for page := 0; ; page++ {
			resp, err := fetch(ctx, page)
			if err != nil {
				yield(zero, err)
				return
			}
			items, total, err := pageOf[T](resp)
			if err != nil {
				yield(zero, err)
				return
			}
			for _, item := range items {
				if !yield(item, nil) {
					return
				}
			}
			seen += len(items)
			if len(items) == 0 || len(items) < limit || total >= 0 && (seen >= total || (page+1)*limit >= total) {
				return
			}
		}
	}
}

// pageOf reads the records ([]T or *[]T) and the total (Count or Total, -1 when absent) of a
// generated response's JSON200.
func pageOf[T any](resp any) ([]T, int, error) {
	v := reflect.ValueOf(resp)
	for v.Kind() == reflect.Pointer && !v.IsNil() {
		v = v.Elem()
	}
	body := v.FieldByName("JSON200")
	if !body.IsValid() || body.IsNil() {
		return nil, -1, &InvalidResponseError{Message: fmt.Sprintf("%T has no decoded JSON200 page", resp)}
	}
	body = body.Elem()
	var items []T
	found := false
	total := -1
	for i := 0; i < body.NumField(); i++ {
		f := body.Field(i)
		if f.Kind() == reflect.Pointer {
			if f.IsNil() {
				continue
			}
			f = f.Elem()
		}
		switch name := body.Type().Field(i).Name; {
		case f.Type() == reflect.TypeFor[[]T]():
			items, found = f.Interface().([]T), true
		case (name == "Count" || name == "Total") && f.CanInt():
			total = int(f.Int())
		}
	}
	if !found && !hasSliceOf[T](body.Type()) {
		return nil, -1, &ValidationError{"T", fmt.Sprintf("%s has no []%s field", body.Type(), reflect.TypeFor[T]())}
	}
	return items, total, nil
}

func hasSliceOf[T any](t reflect.Type) bool {
	for i := 0; i < t.NumField(); i++ {
		ft := t.Field(i).Type
		if ft.Kind() == reflect.Pointer {
			ft = ft.Elem()
		}
		if ft == reflect.TypeFor[[]T]() {
			return true
		}
	}
	return false
}

// WaitUntil calls check every interval until it reports done or fails; ctx bounds the wait.
// A task is gone, for example, when check gets IsMissing from DescribeProcessorTaskWithResponse.
func WaitUntil(ctx context.Context, interval time.Duration, check func(ctx context.Context) (bool, error)) error {
	for {
		done, err := check(ctx)
		if err != nil || done {
			return err
		}
		timer := time.NewTimer(interval)
		select {
		case <-ctx.Done():
			timer.Stop()
			return ctx.Err()
		case <-timer.C:
		}
	}
}
